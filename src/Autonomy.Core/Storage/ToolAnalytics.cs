namespace Autonomy.Core.Storage;

/// <summary>A stored analytics snapshot.</summary>
/// <param name="Id">The snapshot's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version analysed.</param>
/// <param name="WindowStart">The start of the window.</param>
/// <param name="WindowEnd">The end of the window.</param>
/// <param name="TotalExecutions">Executions in the window.</param>
/// <param name="SuccessfulExecutions">Of which succeeded.</param>
/// <param name="SuccessRate">The success rate.</param>
/// <param name="AverageDurationMs">Mean duration.</param>
/// <param name="P95DurationMs">95th percentile duration.</param>
/// <param name="DetailsJson">The details JSON.</param>
/// <param name="AnalyzedAt">When the snapshot was saved.</param>
public sealed record ToolAnalytics(
    long Id,
    string ToolName,
    int? Version,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    long TotalExecutions,
    long SuccessfulExecutions,
    double? SuccessRate,
    double? AverageDurationMs,
    double? P95DurationMs,
    string DetailsJson,
    DateTimeOffset AnalyzedAt);
