namespace Autonomy.Core.Storage;

/// <summary>The start of post-deployment monitoring.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version deployed.</param>
/// <param name="BaselineVersion">The version it replaced.</param>
/// <param name="BaselineSuccessRate">The replaced version's success rate over the baseline window.</param>
/// <param name="Window">How long to watch.</param>
public sealed record NewMonitoringSession(
    string ToolName,
    int Version,
    int? BaselineVersion,
    double? BaselineSuccessRate,
    TimeSpan Window);
