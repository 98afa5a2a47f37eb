using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Autonomy.RepairBenchmark.Corpus;
using Autonomy.RepairBenchmark.Running;

namespace Autonomy.RepairBenchmark.Reporting;

/// <summary>A benchmark run: where and how it ran, each defect's outcome, and the totals.</summary>
/// <param name="Date">When it ran (UTC).</param>
/// <param name="Machine">The machine: cores and operating system.</param>
/// <param name="MaxSecondsPerDefect">The time budget of each repair attempt.</param>
/// <param name="Generators">The generators, in order.</param>
/// <param name="Outcomes">Each defect's outcome.</param>
public sealed record BenchmarkReport(
    DateTimeOffset Date,
    string Machine,
    int MaxSecondsPerDefect,
    IReadOnlyList<string> Generators,
    IReadOnlyList<DefectOutcome> Outcomes)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Totals over every defect.</summary>
    public BenchmarkTotals Totals => BenchmarkTotals.Of(Outcomes);

    /// <summary>Totals over the QuixBugs classes.</summary>
    public BenchmarkTotals QuixBugsClasses => BenchmarkTotals.Of(Outcomes.Where(o => DefectClasses.QuixBugs.Contains(o.Class)).ToList());

    /// <summary>Totals over the exception defects.</summary>
    public BenchmarkTotals ExceptionClasses => BenchmarkTotals.Of(Outcomes.Where(o => DefectClasses.Exceptions.Contains(o.Class)).ToList());

    /// <summary>The report as JSON, for scripts.</summary>
    public string ToJson() => JsonSerializer.Serialize(
        new { Date, Machine, MaxSecondsPerDefect, Generators, Totals, QuixBugsClasses, ExceptionClasses, Outcomes = Outcomes.Select(o => new
        {
            o.Id,
            o.Class,
            o.Plausible,
            o.Correct,
            o.Regressions,
            o.HiddenRegressions,
            o.HiddenPassed,
            o.HiddenTotal,
            ElapsedSeconds = Math.Round(o.Elapsed.TotalSeconds, 3),
            SecondsToFirstPlausible = o.TimeToFirstPlausible is { } first ? Math.Round(first.TotalSeconds, 3) : (double?)null,
            o.CandidatesTried,
            o.Generator,
            o.Verdict,
            o.Diff,
        }) },
        s_json);

    /// <summary>The report as Markdown tables: one row per defect, one per class, and the totals.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        text.AppendLine(c, $"Run {Date:yyyy-MM-dd HH:mm} UTC on {Machine}; {MaxSecondsPerDefect} s per defect; generators: {(Generators.Count == 0 ? "none" : string.Join(", ", Generators))}.");
        text.AppendLine();
        text.AppendLine("| Defect | Class | Plausible | Correct | Hidden | Time (s) | First plausible (s) | Candidates | Generator |");
        text.AppendLine("| --- | --- | --- | --- | --- | ---: | ---: | ---: | --- |");
        foreach (var o in Outcomes)
        {
            var hidden = o.Plausible ? string.Create(c, $"{o.HiddenPassed}/{o.HiddenTotal}") : "–";
            var first = o.TimeToFirstPlausible is { } t ? t.TotalSeconds.ToString("0.00", c) : "–";
            var correct = o.Correct ? "yes" : o.Plausible ? "**no**" : "no";
            var regressions = o.Regressions > 0 ? string.Create(c, $" ({o.Regressions} regressions)")
                : o.HiddenRegressions > 0 ? string.Create(c, $" (breaks {o.HiddenRegressions} hidden)") : string.Empty;
            text.AppendLine(c, $"| {o.Id} | {o.Class} | {(o.Plausible ? "yes" : "no")} | {correct}{regressions} | {hidden} | {o.Elapsed.TotalSeconds:0.00} | {first} | {o.CandidatesTried} | {o.Generator ?? "–"} |");
        }

        text.AppendLine();
        text.AppendLine("| Class | Defects | Plausible | Correct |");
        text.AppendLine("| --- | ---: | ---: | ---: |");
        foreach (var group in Outcomes.GroupBy(o => o.Class))
        {
            text.AppendLine(c, $"| {group.Key} | {group.Count()} | {group.Count(o => o.Plausible)} | {group.Count(o => o.Correct)} |");
        }

        text.AppendLine();
        text.AppendLine("| Set | Defects | Plausible | Correct | Patches with regressions | Patches breaking hidden outputs | Median s to first plausible | Candidates/s |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        AppendTotals(text, "QuixBugs classes", QuixBugsClasses);
        AppendTotals(text, "Exceptions", ExceptionClasses);
        AppendTotals(text, "**All**", Totals);
        return text.ToString();
    }

    private static void AppendTotals(StringBuilder text, string name, BenchmarkTotals totals)
    {
        var c = CultureInfo.InvariantCulture;
        var median = totals.MedianSecondsToFirstPlausible is { } m ? m.ToString("0.00", c) : "–";
        text.AppendLine(c, $"| {name} | {totals.Defects} | {totals.Plausible} ({totals.PlausiblePercent:0}%) | {totals.Correct} ({totals.CorrectPercent:0}%) | {totals.PatchesWithRegressions} | {totals.PatchesBreakingHidden} | {median} | {totals.CandidatesPerSecond:0.0} |");
    }
}
