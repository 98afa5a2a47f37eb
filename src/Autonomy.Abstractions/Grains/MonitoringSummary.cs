namespace Autonomy.Abstractions.Grains;

/// <summary>The tool's active monitoring session.</summary>
/// <param name="MonitoringId">The stored session's id.</param>
/// <param name="Version">The version watched.</param>
/// <param name="BaselineVersion">The version it replaced.</param>
/// <param name="StartedAt">When monitoring started.</param>
/// <param name="EndsAt">When the window ends.</param>
/// <param name="HealthChecks">Health checks recorded so far.</param>
/// <param name="BaselineSuccesses">Successes of the baseline version over the baseline window, taken at the deploy.</param>
/// <param name="BaselineJudged">Judged executions (successes and tool failures) of the baseline over that window.</param>
/// <param name="AttemptId">The improvement attempt whose candidate this is, when the loop deployed it.</param>
/// <param name="LastVerdict">What the last health check concluded, in words.</param>
[GenerateSerializer, Immutable, Alias("autonomy.monitoring-summary")]
public sealed record MonitoringSummary(
    [property: Id(0)] long MonitoringId,
    [property: Id(1)] int Version,
    [property: Id(2)] int? BaselineVersion,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset EndsAt,
    [property: Id(5)] int HealthChecks,
    [property: Id(6)] long BaselineSuccesses = 0,
    [property: Id(7)] long BaselineJudged = 0,
    [property: Id(8)] long? AttemptId = null,
    [property: Id(9)] string? LastVerdict = null);
