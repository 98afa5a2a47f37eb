namespace Autonomy.Core.Storage;

/// <summary>The result of a replay test: recorded inputs against the candidate.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="BaselineVersion">The version whose executions were replayed.</param>
/// <param name="NewVersion">The candidate.</param>
/// <param name="ImprovementAttemptId">The attempt it tested.</param>
/// <param name="TotalReplays">Executions replayed.</param>
/// <param name="Successes">Replays that succeeded.</param>
/// <param name="Regressions">Replays that succeeded before and fail now.</param>
/// <param name="Improvements">Replays that failed before and succeed now.</param>
/// <param name="Passed">Whether it met the success threshold with no regressions.</param>
/// <param name="DetailsJson">Regressions and samples as a JSON document.</param>
public sealed record NewReplayTestResult(
    string ToolName,
    int BaselineVersion,
    int NewVersion,
    long? ImprovementAttemptId,
    int TotalReplays,
    int Successes,
    int Regressions,
    int Improvements,
    bool Passed,
    string DetailsJson);
