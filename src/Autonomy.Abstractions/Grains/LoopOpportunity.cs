namespace Autonomy.Abstractions.Grains;

/// <summary>One tool the scan judged worth improving, and why.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Reason">
/// Why, in words: the rules it met, joined by "; " ("success rate 0.42 over 31 executions (18 failed) in 24 h",
/// "6 of 7 executions failed in the last 60 min").
/// </param>
/// <param name="SuccessRate">
/// Its success rate (invalid input excluded) over the scan window, or over the recent window when it had too few
/// executions in the scan window to be judged there.
/// </param>
/// <param name="Executions">Its attributable executions over that window.</param>
/// <param name="Failures">Its failures over that window.</param>
[GenerateSerializer, Immutable, Alias("autonomy.loop-opportunity")]
public sealed record LoopOpportunity(
    [property: Id(0)] string ToolName,
    [property: Id(1)] string Reason,
    [property: Id(2)] double SuccessRate,
    [property: Id(3)] long Executions,
    [property: Id(4)] long Failures);
