namespace Autonomy.Core.Analysis;

/// <summary>The numbers of one tool version (or all versions together) over an analysis window, from rollups.</summary>
/// <param name="Version">The version, or null for all versions together.</param>
/// <param name="FirstSeen">The start of the first hour with executions in the window, or null.</param>
/// <param name="LastSeen">The start of the last hour with executions in the window, or null.</param>
/// <param name="Outcomes">How the executions ended.</param>
/// <param name="SuccessRate">Correct successes over attributable executions, with its Wilson interval.</param>
/// <param name="ExecutionsPerDay">Executions (all outcomes) per day over the days the version was live in the window.</param>
/// <param name="Trend">The slope of the daily success rate.</param>
/// <param name="Latency">Latency estimates, or null with no executions.</param>
public sealed record VersionStatistics(
    int? Version,
    DateTimeOffset? FirstSeen,
    DateTimeOffset? LastSeen,
    OutcomeMix Outcomes,
    RateInterval SuccessRate,
    double ExecutionsPerDay,
    SuccessTrend Trend,
    LatencySummary? Latency);
