namespace Autonomy.Abstractions.Grains;

/// <summary>One tool the scan judged worth improving, and why.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Reason">Why, in words ("success rate 0.42 over 31 executions").</param>
/// <param name="SuccessRate">Its success rate over the scan window (invalid input excluded).</param>
/// <param name="Executions">Its attributable executions over the window.</param>
/// <param name="Failures">Its failures over the window.</param>
[GenerateSerializer, Immutable, Alias("autonomy.loop-opportunity")]
public sealed record LoopOpportunity(
    [property: Id(0)] string ToolName,
    [property: Id(1)] string Reason,
    [property: Id(2)] double SuccessRate,
    [property: Id(3)] long Executions,
    [property: Id(4)] long Failures);
