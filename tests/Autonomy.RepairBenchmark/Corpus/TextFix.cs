using System.Text.Json.Serialization;

namespace Autonomy.RepairBenchmark.Corpus;

/// <summary>A textual fix: <paramref name="Find"/> occurs exactly once in the defective source and becomes <paramref name="Replace"/>.</summary>
/// <param name="Find">The defective text.</param>
/// <param name="Replace">The correct text.</param>
public sealed record TextFix(
    [property: JsonPropertyName("find")] string Find,
    [property: JsonPropertyName("replace")] string Replace)
{
    /// <summary>Applies the fix, or says why it cannot be applied.</summary>
    public bool TryApply(string source, out string fixedSource, out string? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        fixedSource = source;
        var first = source.IndexOf(Find, StringComparison.Ordinal);
        if (Find.Length == 0 || first < 0)
        {
            error = $"the fix's text '{Find}' is not in the source";
            return false;
        }

        if (source.IndexOf(Find, first + 1, StringComparison.Ordinal) >= 0)
        {
            error = $"the fix's text '{Find}' occurs more than once";
            return false;
        }

        error = null;
        fixedSource = string.Concat(source.AsSpan(0, first), Replace, source.AsSpan(first + Find.Length));
        return true;
    }
}
