namespace Autonomy.Core.Storage;

/// <summary>A row of the <c>active_monitoring</c> view: an active session and its latest health check.</summary>
/// <param name="MonitoringId">The session.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version deployed.</param>
/// <param name="BaselineVersion">The replaced version.</param>
/// <param name="BaselineSuccessRate">The baseline success rate.</param>
/// <param name="RegressionDetected">Whether any check found a regression.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndsAt">When the window ends.</param>
/// <param name="HealthChecks">Checks so far.</param>
/// <param name="LastCheckedAt">The latest check's time.</param>
/// <param name="LastSuccessRate">The latest check's success rate.</param>
/// <param name="LastExecutions">The latest check's executions.</param>
public sealed record ActiveMonitoringRow(
    long MonitoringId,
    string ToolName,
    int Version,
    int? BaselineVersion,
    double? BaselineSuccessRate,
    bool RegressionDetected,
    DateTimeOffset StartedAt,
    DateTimeOffset EndsAt,
    long HealthChecks,
    DateTimeOffset? LastCheckedAt,
    double? LastSuccessRate,
    long? LastExecutions);
