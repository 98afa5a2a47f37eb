namespace Autonomy.Core.Analysis;

/// <summary>
/// A root-cause report on one tool (the findings stored as JSON in <c>investigation_reports</c>). Every field is
/// computed from data, logs and code; <see cref="Narrative"/> is the only part an LLM may add, and nothing else
/// depends on it.
/// </summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version investigated: the newest version with executions in the window, or null.</param>
/// <param name="WindowStart">The start of the window.</param>
/// <param name="WindowEnd">The end of the window (exclusive).</param>
/// <param name="Verdict">The kind of conclusion.</param>
/// <param name="ShouldImprove">Whether the improvement engine should attempt a repair.</param>
/// <param name="RootCause">The root cause in a few sentences.</param>
/// <param name="Confidence">Confidence in the root cause, 0 to 1.</param>
/// <param name="Evidence">The facts the conclusion rests on, one per line.</param>
/// <param name="ErrorClusters">The dominant error clusters of the investigated version, each mapped to its throw site.</param>
/// <param name="InputFeatures">Input features that go with failure, by lift, strongest first.</param>
/// <param name="Onset">When failures started, and the deploy that coincides, or null when no change point was found.</param>
/// <param name="CallerFaults">The callers' share of what went wrong.</param>
/// <param name="Repair">What the improvement engine should try.</param>
/// <param name="Analysis">The analysis the investigation started from.</param>
/// <param name="Narrative">An LLM's account of the findings, when one is configured; null otherwise.</param>
public sealed record ToolInvestigation(
    string ToolName,
    int? Version,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    InvestigationVerdict Verdict,
    bool ShouldImprove,
    string RootCause,
    double Confidence,
    IReadOnlyList<string> Evidence,
    IReadOnlyList<ErrorClusterFinding> ErrorClusters,
    IReadOnlyList<InputFeatureFinding> InputFeatures,
    FailureOnset? Onset,
    CallerFaultSummary CallerFaults,
    RepairSuggestion Repair,
    ToolAnalysis Analysis,
    string? Narrative);
