namespace Autonomy.Core.Storage;

/// <summary>A stored monitoring session.</summary>
/// <param name="Id">The session's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version deployed.</param>
/// <param name="BaselineVersion">The replaced version.</param>
/// <param name="BaselineSuccessRate">The baseline success rate.</param>
/// <param name="Status">Its state.</param>
/// <param name="RegressionDetected">Whether any health check found a regression.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndsAt">When the window ends.</param>
/// <param name="EndedAt">When it ended; null while active.</param>
/// <param name="EndReason">Why it ended.</param>
public sealed record MonitoringSession(
    long Id,
    string ToolName,
    int Version,
    int? BaselineVersion,
    double? BaselineSuccessRate,
    MonitoringStatus Status,
    bool RegressionDetected,
    DateTimeOffset StartedAt,
    DateTimeOffset EndsAt,
    DateTimeOffset? EndedAt,
    string? EndReason);
