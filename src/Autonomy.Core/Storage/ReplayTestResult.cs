namespace Autonomy.Core.Storage;

/// <summary>A stored replay test result.</summary>
/// <param name="Id">The result's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="BaselineVersion">The replayed version.</param>
/// <param name="NewVersion">The candidate.</param>
/// <param name="ImprovementAttemptId">The attempt it tested.</param>
/// <param name="TotalReplays">Executions replayed.</param>
/// <param name="Successes">Successful replays.</param>
/// <param name="Regressions">Regressions.</param>
/// <param name="Improvements">Improvements.</param>
/// <param name="Passed">Whether it passed.</param>
/// <param name="DetailsJson">The details JSON.</param>
/// <param name="TestedAt">When it was recorded.</param>
public sealed record ReplayTestResult(
    long Id,
    string ToolName,
    int BaselineVersion,
    int NewVersion,
    long? ImprovementAttemptId,
    int TotalReplays,
    int Successes,
    int Regressions,
    int Improvements,
    bool Passed,
    string DetailsJson,
    DateTimeOffset TestedAt);
