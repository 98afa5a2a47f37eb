namespace Autonomy.Core.Analysis;

/// <summary>
/// What the <see cref="ToolAnalyzer"/> found about one tool over a window: aggregate numbers from rollups, error
/// patterns from a sample of failures, the current failure streak, and recommendations in words.
/// </summary>
/// <param name="ToolName">The tool.</param>
/// <param name="WindowStart">The start of the window.</param>
/// <param name="WindowEnd">The end of the window (exclusive).</param>
/// <param name="Overall">All versions together.</param>
/// <param name="Versions">Each version with executions in the window, ascending.</param>
/// <param name="ErrorPatterns">Failure clusters, largest first.</param>
/// <param name="SampledFailures">How many failures the patterns were computed from.</param>
/// <param name="RecentFailureStreak">Consecutive failures among the newest executions (0 when the newest succeeded).</param>
/// <param name="LastFailureAt">When the newest failure started, or null.</param>
/// <param name="IsOpportunity">Whether the tool meets the opportunity thresholds.</param>
/// <param name="OpportunityReasons">Why it does, in words; empty when it does not.</param>
/// <param name="Recommendations">Concrete next steps, in words.</param>
public sealed record ToolAnalysis(
    string ToolName,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    VersionStatistics Overall,
    IReadOnlyList<VersionStatistics> Versions,
    IReadOnlyList<ErrorPattern> ErrorPatterns,
    int SampledFailures,
    int RecentFailureStreak,
    DateTimeOffset? LastFailureAt,
    bool IsOpportunity,
    IReadOnlyList<string> OpportunityReasons,
    IReadOnlyList<string> Recommendations);
