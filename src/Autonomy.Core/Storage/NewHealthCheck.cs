namespace Autonomy.Core.Storage;

/// <summary>One periodic health check of a monitored deployment.</summary>
/// <param name="MonitoringId">The session.</param>
/// <param name="Executions">Executions in the check's window.</param>
/// <param name="SuccessRate">Their success rate; null with none.</param>
/// <param name="Regression">Whether it is a regression against the baseline.</param>
/// <param name="DetailsJson">Metrics as a JSON document.</param>
public sealed record NewHealthCheck(
    long MonitoringId,
    long Executions,
    double? SuccessRate,
    bool Regression,
    string DetailsJson);
