namespace Autonomy.Core.Storage;

/// <summary>An analytics snapshot of a tool over a window of executions.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version analysed, or null for all versions.</param>
/// <param name="WindowStart">The start of the window.</param>
/// <param name="WindowEnd">The end of the window.</param>
/// <param name="TotalExecutions">Executions in the window.</param>
/// <param name="SuccessfulExecutions">Of which succeeded.</param>
/// <param name="SuccessRate">Successes over executions that count against the tool; null with no executions.</param>
/// <param name="AverageDurationMs">Mean duration.</param>
/// <param name="P95DurationMs">95th percentile duration.</param>
/// <param name="DetailsJson">Error patterns, trends and recommendations as a JSON document; its shape may evolve.</param>
public sealed record NewToolAnalytics(
    string ToolName,
    int? Version,
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    long TotalExecutions,
    long SuccessfulExecutions,
    double? SuccessRate,
    double? AverageDurationMs,
    double? P95DurationMs,
    string DetailsJson);
