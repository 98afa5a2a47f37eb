using System.Text.Json;

namespace Autonomy.RepairBenchmark.Corpus;

/// <summary>Reads the corpus: every <c>&lt;id&gt;.json</c> manifest in the folder with its defective tool <c>&lt;id&gt;.cs</c>.</summary>
public static class DefectCorpus
{
    /// <summary>The corpus folder copied next to the runner.</summary>
    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "Defects");

    private static readonly JsonSerializerOptions s_json = new() { ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Loads the defects whose id contains <paramref name="filter"/> (all when null), sorted by class then id.</summary>
    /// <returns>The defects read, and an error per manifest that could not be read.</returns>
    public static (IReadOnlyList<CorpusEntry> Entries, IReadOnlyList<string> Errors) Load(string folder, string? filter)
    {
        var entries = new List<CorpusEntry>();
        var errors = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileNameWithoutExtension(path);
            if (filter is not null && !id.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            try
            {
                var manifest = JsonSerializer.Deserialize<DefectManifest>(File.ReadAllText(path), s_json)
                    ?? throw new JsonException("the manifest is empty");
                var sourcePath = Path.ChangeExtension(path, ".cs");
                if (manifest.Id != id)
                {
                    errors.Add($"{id}: the manifest's id is '{manifest.Id}', not the file name");
                }
                else if (!DefectClasses.All.Contains(manifest.Class))
                {
                    errors.Add($"{id}: unknown class '{manifest.Class}'");
                }
                else if (!File.Exists(sourcePath))
                {
                    errors.Add($"{id}: no defective source {Path.GetFileName(sourcePath)}");
                }
                else if (manifest.Given.Count == 0 || manifest.Hidden.Count == 0)
                {
                    errors.Add($"{id}: a defect needs given and hidden inputs");
                }
                else
                {
                    entries.Add(new CorpusEntry(manifest, File.ReadAllText(sourcePath)));
                }
            }
            catch (JsonException ex)
            {
                errors.Add($"{id}: the manifest is not valid: {ex.Message}");
            }
        }

        var order = DefectClasses.All.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        return (entries.OrderBy(e => order[e.Manifest.Class]).ThenBy(e => e.Manifest.Id, StringComparer.Ordinal).ToList(), errors);
    }
}

/// <summary>A manifest with its defective source.</summary>
/// <param name="Manifest">The manifest.</param>
/// <param name="DefectiveSource">The defective tool's source.</param>
public sealed record CorpusEntry(DefectManifest Manifest, string DefectiveSource);
