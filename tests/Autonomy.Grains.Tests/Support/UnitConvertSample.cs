using System.Runtime.CompilerServices;

namespace Autonomy.Grains.Tests.Support;

/// <summary>
/// The sample <c>unit_convert</c> (samples/tools/unit_convert.cs), read from the repository, and inputs that trigger
/// its defect: line 44 reads the optional <c>precision</c> as if it were required, so an input without it throws a
/// NullReferenceException (samples/tools/DEFECTS.md).
/// </summary>
internal static class UnitConvertSample
{
    /// <summary>The sample's source, lines unchanged.</summary>
    public static string Source { get; } = File.ReadAllText(Find());

    /// <summary>Inputs without <c>precision</c>: every one throws at line 44.</summary>
    public static IReadOnlyList<string> FailingInputs { get; } =
    [
        """{"value": 5, "from": "km", "to": "mi"}""",
        """{"value": 20, "from": "C", "to": "F"}""",
        """{"value": 3, "from": "kg", "to": "lb"}""",
        """{"value": 12, "from": "in", "to": "cm"}""",
        """{"value": 300, "from": "K", "to": "C"}""",
        """{"value": 1, "from": "mi", "to": "m"}""",
    ];

    /// <summary>Inputs with <c>precision</c>, which the sample converts correctly.</summary>
    public static IReadOnlyList<string> PassingInputs { get; } =
    [
        """{"value": 5, "from": "km", "to": "mi", "precision": 3}""",
        """{"value": 100, "from": "C", "to": "F", "precision": 1}""",
        """{"value": 2.5, "from": "lb", "to": "g", "precision": 0}""",
        """{"value": 10, "from": "m", "to": "ft", "precision": 2}""",
        """{"value": 1, "from": "t", "to": "kg", "precision": 0}""",
        """{"value": 32, "from": "F", "to": "C", "precision": 2}""",
        """{"value": 7, "from": "oz", "to": "g", "precision": 1}""",
        """{"value": 250, "from": "cm", "to": "yd", "precision": 4}""",
        """{"value": 0, "from": "C", "to": "K", "precision": 2}""",
        """{"value": 42, "from": "mm", "to": "in", "precision": 3}""",
    ];

    /// <summary>The sample under another name (a grain's key must match the tool's name), with its lines unchanged.</summary>
    public static string Named(string name) => Source.Replace("[Tool(\"unit_convert\",", $"[Tool(\"{name}\",", StringComparison.Ordinal);

    private static string Find([CallerFilePath] string thisFile = "")
    {
        // The test binaries may be built outside the tree (--artifacts-path), so start from this source file.
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory })
        {
            for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var path = Path.Combine(directory.FullName, "samples", "tools", "unit_convert.cs");
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new InvalidOperationException("samples/tools/unit_convert.cs was not found above " + thisFile);
    }
}
