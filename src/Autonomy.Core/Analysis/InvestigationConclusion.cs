using static Autonomy.Core.Analysis.FindingText;

namespace Autonomy.Core.Analysis;

/// <summary>
/// Turns an investigation's evidence into a verdict, whether to improve, a root cause, a confidence and the repair
/// strategy. The rules, in order:
/// <list type="number">
/// <item>Too few attributable executions: <see cref="InvestigationVerdict.InsufficientData"/> (or caller fault when
/// invalid input dominates what there is).</item>
/// <item>Invalid input is at least a tenth of all executions, outnumbers the tool's failures three to one, and the
/// tool's own rate is healthy:
/// <see cref="InvestigationVerdict.CallerFault"/>, do not improve.</item>
/// <item>A systematic failure (rate under the threshold, a failure streak, or a dominant cluster explained by an
/// input feature that fails at ≥ 80 %): <see cref="InvestigationVerdict.Regression"/> when the onset is tied to the
/// investigated version's deploy and the previous version failed less, <see cref="InvestigationVerdict.WrongOutput"/>
/// when the dominant cluster is outputs reported wrong, else <see cref="InvestigationVerdict.Defect"/>; improve.</item>
/// <item>Correct but p95 above the slow threshold: <see cref="InvestigationVerdict.Slow"/>; not a repair job.</item>
/// <item>Otherwise <see cref="InvestigationVerdict.Healthy"/>: rare failures without a pattern are not flagged.</item>
/// </list>
/// </summary>
public static class InvestigationConclusion
{
    /// <summary>The failure rate among inputs with a feature that makes it "explain" a cluster.</summary>
    public const double ExplainingFailureRate = 0.8;

    /// <summary>The fewest failures in a cluster for it to be systematic.</summary>
    public const int SystematicClusterSize = 5;

    /// <summary>Concludes.</summary>
    public static (InvestigationVerdict Verdict, bool ShouldImprove, string RootCause, double Confidence, IReadOnlyList<string> Evidence, RepairSuggestion Repair) Decide(
        InvestigationEvidence evidence, AnalysisOptions options)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(options);
        var stats = evidence.Statistics;
        var outcomes = stats.Outcomes;
        var facts = Facts(evidence);
        var rate = stats.SuccessRate;

        if (outcomes.Attributable < options.MinimumExecutions)
        {
            if (outcomes.InvalidInput >= options.MinimumExecutions && outcomes.InvalidInput > 3 * outcomes.Failures)
            {
                return CallerFault(evidence, facts);
            }

            return (InvestigationVerdict.InsufficientData, false,
                Invariant($"Only {outcomes.Attributable} attributable executions in the window (at least {options.MinimumExecutions} are needed to judge the tool)."),
                0.2, facts, RepairSuggestion.NoRepair("not enough executions to judge"));
        }

        var topCluster = evidence.Clusters.FirstOrDefault();
        var explaining = evidence.Features.FirstOrDefault(f => f.With.FailureRate >= ExplainingFailureRate);
        var belowThreshold = rate.Rate < options.SuccessRateBelow;
        var streak = evidence.Analysis.RecentFailureStreak >= options.FailureStreak;
        var patterned = topCluster is not null && topCluster.Pattern.Count >= SystematicClusterSize && explaining is not null;
        var healthyRate = rate.Rate >= options.SuccessRateBelow;

        if (outcomes.InvalidInput * 10 >= outcomes.Total && outcomes.InvalidInput >= 3 * Math.Max(1, outcomes.Failures) && healthyRate && !patterned && !streak)
        {
            return CallerFault(evidence, facts);
        }

        if (belowThreshold || streak || patterned)
        {
            return Failing(evidence, facts, topCluster, explaining);
        }

        if (stats.Latency is { } latency && latency.P95Ms > options.SlowP95Milliseconds)
        {
            return (InvestigationVerdict.Slow, false,
                Invariant($"The tool is correct ({Percent(rate.Rate ?? 0)} success over {rate.Trials} executions) but slow: p95 {latency.P95Ms:0} ms, p99 {latency.P99Ms:0} ms, above the {options.SlowP95Milliseconds} ms threshold. This is a performance problem, not a defect the repair engine fixes."),
                0.8, facts, RepairSuggestion.NoRepair("correct but slow: profile the tool; the repair engine fixes failures, not speed"));
        }

        return (InvestigationVerdict.Healthy, false,
            Invariant($"The tool is healthy: {Percent(rate.Rate ?? 0)} success over {rate.Trials} executions (95 % interval {Percent(rate.Low)}–{Percent(rate.High)}); its {outcomes.Failures} failures show no pattern that an input feature explains."),
            Math.Round(Math.Clamp(rate.Low, 0.5, 0.95), 2), facts, RepairSuggestion.NoRepair("healthy: rare failures without a pattern"));
    }

    private static (InvestigationVerdict, bool, string, double, IReadOnlyList<string>, RepairSuggestion) CallerFault(InvestigationEvidence evidence, IReadOnlyList<string> facts)
    {
        var callers = evidence.CallerFaults;
        var messages = callers.TopMessages.Count == 0 ? string.Empty : $" Most common: \"{callers.TopMessages[0]}\".";
        return (InvestigationVerdict.CallerFault, false,
            Invariant($"The failures are the callers': {callers.InvalidInput} executions were invalid input against {callers.ToolFailures} failures of the tool itself ({Percent(callers.CallerShare)} caller faults).{messages} The tool is not at fault; clearer schemas or examples for callers would help."),
            Math.Round(Math.Clamp(callers.CallerShare, 0.5, 0.95), 2), facts, RepairSuggestion.NoRepair("caller faults: invalid input does not count against the tool"));
    }

    private static (InvestigationVerdict, bool, string, double, IReadOnlyList<string>, RepairSuggestion) Failing(
        InvestigationEvidence evidence, IReadOnlyList<string> facts, ErrorClusterFinding? topCluster, InputFeatureFinding? explaining)
    {
        var onset = evidence.Onset;
        var previous = evidence.PreviousVersion;
        var regression = onset is { Version: { } introduced } && introduced == evidence.Version
            && previous is { SuccessRate.Rate: { } previousRate } && evidence.Statistics.SuccessRate.Rate < previousRate;
        var wrongOutput = topCluster?.Pattern.Outcome == ErrorPatternClusterer.WrongOutput;
        var verdict = regression ? InvestigationVerdict.Regression : wrongOutput ? InvestigationVerdict.WrongOutput : InvestigationVerdict.Defect;

        var cause = new List<string>();
        if (topCluster is { Pattern: var pattern } && !wrongOutput)
        {
            var type = pattern.ExceptionType is null ? pattern.Outcome : pattern.ExceptionType[(pattern.ExceptionType.LastIndexOf('.') + 1)..];
            var where = topCluster.Site is { } site
                ? Invariant($" at line {site.Line} (`{site.Expression}`): {site.Explanation}")
                : pattern.Line is { } line ? Invariant($" at line {line}") : string.Empty;
            cause.Add(Invariant($"{type}{where}. It accounts for {Percent(pattern.Share)} of the sampled failures ({pattern.Count})."));
        }
        else if (wrongOutput)
        {
            cause.Add(Invariant($"Callers reported {topCluster!.Pattern.Count} outputs wrong: the tool computes a wrong result without failing."));
        }
        else
        {
            cause.Add(Invariant($"The tool fails {Percent(1 - (evidence.Statistics.SuccessRate.Rate ?? 0))} of its executions without a dominant error pattern."));
        }

        if (explaining is not null)
        {
            cause.Add(Capitalize(explaining.Description) + ".");
        }

        if (onset is not null)
        {
            cause.Add(Capitalize(onset.Description) + ".");
        }

        var confidence = 0.4;
        confidence += topCluster is null ? 0 : topCluster.Pattern.Share >= 0.8 ? 0.2 : topCluster.Pattern.Share >= 0.5 ? 0.1 : 0;
        confidence += topCluster?.Site is { SyntaxKind: not "Unknown" } ? 0.15 : 0;
        confidence += explaining is null ? 0 : explaining.With.FailureRate >= 0.9 && explaining.Coverage >= 0.8 ? 0.15 : 0.05;
        confidence += regression ? 0.1 : 0;
        return (verdict, true, string.Join(' ', cause), Math.Round(Math.Min(0.95, confidence), 2), facts, Repair(evidence, topCluster, wrongOutput, regression));
    }

    private static RepairSuggestion Repair(InvestigationEvidence evidence, ErrorClusterFinding? topCluster, bool wrongOutput, bool regression)
    {
        var lines = evidence.Clusters
            .Where(c => c.Pattern.Line is not null && c.Pattern.Outcome != ErrorPatternClusterer.WrongOutput)
            .OrderByDescending(c => c.Pattern.Count)
            .Select(c => c.Pattern.Line!.Value)
            .Distinct()
            .ToList();
        var against = regression && evidence.PreviousVersion?.Version is { } parent ? Invariant($" The diff against version {parent}, which worked, holds the fault.") : string.Empty;
        if (wrongOutput || topCluster is null)
        {
            return new RepairSuggestion(RepairStrategyKind.MutationSearch, null, lines,
                (wrongOutput ? "Outputs are wrong without an exception: localise the fault by spectrum (Ochiai) over passing and failing cases, then search mutations at the most suspicious lines." : "No dominant exception: search mutations at the lines the failures point to.") + against);
        }

        var template = FixTemplates.For(topCluster.Pattern.ExceptionType, topCluster.Pattern.ExampleMessage);
        return template is null
            ? new RepairSuggestion(RepairStrategyKind.MutationSearch, null, lines, Invariant($"No fix template answers {topCluster.Pattern.ExceptionType}: search mutations at line(s) {string.Join(", ", lines)}.") + against)
            : new RepairSuggestion(RepairStrategyKind.FixTemplate, template, lines, Invariant($"Apply the '{template}' template at line(s) {string.Join(", ", lines)}; fall back to mutation search there.") + against);
    }

    private static List<string> Facts(InvestigationEvidence evidence)
    {
        var stats = evidence.Statistics;
        var scope = evidence.Version is null ? "all versions" : Invariant($"version {evidence.Version}");
        var facts = new List<string>
        {
            Invariant($"{scope}: {stats.Outcomes.Attributable} attributable executions, success rate {Percent(stats.SuccessRate.Rate ?? 0)} (95 % interval {Percent(stats.SuccessRate.Low)}–{Percent(stats.SuccessRate.High)})"),
        };
        foreach (var cluster in evidence.Clusters)
        {
            facts.Add(Invariant($"{cluster.Pattern.Count} sampled failures ({Percent(cluster.Pattern.Share)}): {cluster.Pattern.Signature}") + (cluster.Site is { } site ? $" — line {site.Line}: {site.LineText}" : string.Empty));
        }

        facts.AddRange(evidence.Features.Take(3).Select(f => f.Description));
        if (evidence.Onset is { } onset)
        {
            facts.Add(onset.Description);
        }

        if (evidence.CallerFaults.InvalidInput > 0)
        {
            facts.Add(Invariant($"{evidence.CallerFaults.InvalidInput} invalid-input executions (callers' faults, not counted against the tool)"));
        }

        if (stats.Trend.Direction is TrendDirection.Worsening or TrendDirection.Improving)
        {
            facts.Add(Invariant($"success rate {AnalysisJson.Name(stats.Trend.Direction)}: {stats.Trend.SlopePerDay:+0.0%;-0.0%} a day (±{stats.Trend.StandardError:0.0%}) over {stats.Trend.Days} days"));
        }

        if (stats.Latency is { } latency)
        {
            facts.Add(Invariant($"latency p50 {latency.P50Ms:0.##} ms, p95 {latency.P95Ms:0.##} ms, p99 {latency.P99Ms:0.##} ms"));
        }

        return facts;
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
