namespace Autonomy.Core.Storage;

/// <summary>A stored health check.</summary>
/// <param name="Id">The check's id.</param>
/// <param name="MonitoringId">The session.</param>
/// <param name="Executions">Executions in the window.</param>
/// <param name="SuccessRate">Their success rate.</param>
/// <param name="Regression">Whether it is a regression.</param>
/// <param name="DetailsJson">The details JSON.</param>
/// <param name="CheckedAt">When.</param>
public sealed record HealthCheck(
    long Id,
    long MonitoringId,
    long Executions,
    double? SuccessRate,
    bool Regression,
    string DetailsJson,
    DateTimeOffset CheckedAt);
