namespace Autonomy.Abstractions.Grains;

/// <summary>One version's executions over its live periods, for a side-by-side comparison.</summary>
/// <param name="Version">The version.</param>
/// <param name="Executions">Every execution.</param>
/// <param name="Successes">Successes.</param>
/// <param name="ToolErrors">Tool errors.</param>
/// <param name="Timeouts">Timeouts.</param>
/// <param name="BudgetExceeded">Budget overruns.</param>
/// <param name="InvalidOutputs">Outputs that broke the contract.</param>
/// <param name="InvalidInputs">Refused inputs (the caller's fault).</param>
/// <param name="SuccessRate">Successes over executions other than invalid input; null with none.</param>
/// <param name="P50">Median latency.</param>
/// <param name="P95">95th percentile latency.</param>
/// <param name="LiveTime">How long it was active.</param>
[GenerateSerializer, Immutable, Alias("autonomy.version-side-metrics")]
public sealed record VersionSideMetrics(
    [property: Id(0)] int Version,
    [property: Id(1)] long Executions,
    [property: Id(2)] long Successes,
    [property: Id(3)] long ToolErrors,
    [property: Id(4)] long Timeouts,
    [property: Id(5)] long BudgetExceeded,
    [property: Id(6)] long InvalidOutputs,
    [property: Id(7)] long InvalidInputs,
    [property: Id(8)] double? SuccessRate,
    [property: Id(9)] TimeSpan? P50,
    [property: Id(10)] TimeSpan? P95,
    [property: Id(11)] TimeSpan LiveTime);
