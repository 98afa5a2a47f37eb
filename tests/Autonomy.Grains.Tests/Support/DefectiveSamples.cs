using System.Runtime.CompilerServices;

namespace Autonomy.Grains.Tests.Support;

/// <summary>
/// The defective sample tools of samples/tools/DEFECTS.md, read from the repository, each with inputs that trigger
/// its defect, inputs it handles correctly, and the documented correct output for its trigger input.
/// </summary>
internal static class DefectiveSamples
{
    /// <summary>One defective sample.</summary>
    /// <param name="Tool">The sample's tool name (and file name).</param>
    /// <param name="FailingInputs">Inputs that trigger the defect.</param>
    /// <param name="PassingInputs">Inputs the sample answers correctly.</param>
    /// <param name="Trigger">The trigger input DEFECTS.md names.</param>
    /// <param name="CorrectOutput">Its correct output, as DEFECTS.md gives it.</param>
    public sealed record Sample(string Tool, IReadOnlyList<string> FailingInputs, IReadOnlyList<string> PassingInputs, string Trigger, string CorrectOutput)
    {
        /// <summary>The sample's source under another name (a grain's key must match the tool's name), lines unchanged.</summary>
        public string Named(string name) =>
            File.ReadAllText(Find($"{Tool}.cs")).Replace($"[Tool(\"{Tool}\",", $"[Tool(\"{name}\",", StringComparison.Ordinal);

        public override string ToString() => Tool;
    }

    public static Sample ParseDate { get; } = new(
        "parse_date",
        [.. Enumerable.Range(13, 12).Select(day => $$"""{"date": "{{day}}/{{(day % 12) + 1:00}}/2024"}""")],
        [
            .. Enumerable.Range(1, 9).Select(month => $$"""{"date": "2024-{{month:00}}-15"}"""),
            .. Enumerable.Range(1, 6).Select(month => $$"""{"date": "{{month:00}}/05/2024"}"""),
            """{"date": "24.12.2024"}""",
            """{"date": "March 5, 2024"}""",
        ],
        """{"date": "25/12/2024"}""",
        """{"iso": "2024-12-25", "year": 2024, "month": 12, "day": 25, "dayOfWeek": "Wednesday", "dayOfYear": 360}""");

    public static Sample RomanNumerals { get; } = new(
        "roman_numerals",
        [.. new[] { "XII", "MMXXV", "I", "VIII", "XXXIII", "LVI", "MDCLXVI" }.Select(r => $$"""{"roman": "{{r}}"}""")],
        [
            .. new[] { "MCMXCIV", "IX", "CDXLIV", "XC", "XIV", "MCMXC" }.Select(r => $$"""{"roman": "{{r}}"}"""),
            .. new[] { 12, 2024, 7, 49, 3888 }.Select(n => $$"""{"number": {{n}}}"""),
        ],
        """{"roman": "XII"}""",
        """{"number": 12, "roman": "XII"}""");

    public static Sample CountryInfo { get; } = new(
        "country_info",
        [.. new[] { "NZ", "PT", "XX", "CL", "IS", "FI" }.Select(c => $$"""{"code": "{{c}}"}""")],
        [.. new[] { "FR", "jp", "BR", "DE", "US", "AU", "za", "IN", "GB", "MX" }.Select(c => $$"""{"code": "{{c}}"}""")],
        """{"code": "NZ"}""",
        """{"code": "NZ", "found": false}""");

    public static Sample ByTool(string tool) => tool switch
    {
        "parse_date" => ParseDate,
        "roman_numerals" => RomanNumerals,
        "country_info" => CountryInfo,
        _ => throw new ArgumentOutOfRangeException(nameof(tool), tool, "not a defective sample"),
    };

    private static string Find(string fileName, [CallerFilePath] string thisFile = "")
    {
        // The test binaries may be built outside the tree (--artifacts-path), so start from this source file.
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory })
        {
            for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var path = Path.Combine(directory.FullName, "samples", "tools", fileName);
                if (File.Exists(path))
                {
                    return path;
                }
            }
        }

        throw new InvalidOperationException($"samples/tools/{fileName} was not found above {thisFile}");
    }
}
