using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace Autonomy.Core.Storage.Migrations;

/// <summary>
/// Reads migrations embedded in an assembly as resources named <c>{prefix}NNNN_name.sql</c>, for example
/// <c>schema.postgresql.0002_project.sql</c>. Gaps in the numbering are allowed; duplicates are not.
/// </summary>
public static partial class MigrationResources
{
    /// <summary>Loads the migrations under <paramref name="prefix"/>, ordered by version.</summary>
    /// <exception cref="InvalidOperationException">A resource name does not parse, or two share a version.</exception>
    public static IReadOnlyList<Migration> Load(Assembly assembly, string prefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(prefix);

        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(prefix, StringComparison.Ordinal))
            {
                continue;
            }

            var match = FileName().Match(resource[prefix.Length..]);
            if (!match.Success)
            {
                throw new InvalidOperationException(
                    $"The embedded migration '{resource}' is not named {prefix}NNNN_name.sql.");
            }

            using var stream = assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded migration '{resource}' could not be opened.");
            using var reader = new StreamReader(stream);
            var version = int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
            migrations.Add(Migration.Create(version, match.Groups["name"].Value, reader.ReadToEnd()));
        }

        return Order(migrations);
    }

    /// <summary>Orders migrations by version and rejects duplicate versions.</summary>
    public static IReadOnlyList<Migration> Order(IEnumerable<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var ordered = migrations.OrderBy(m => m.Version).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].Version == ordered[i - 1].Version)
            {
                throw new InvalidOperationException(
                    $"Two migrations share version {ordered[i].Version}: '{ordered[i - 1]}' and '{ordered[i]}'.");
            }
        }

        return ordered;
    }

    [GeneratedRegex(@"^(?<version>[0-9]{1,9})_(?<name>[A-Za-z0-9_\-]+)\.sql$", RegexOptions.CultureInvariant)]
    private static partial Regex FileName();
}
