namespace Autonomy.Core.Storage;

/// <summary>The start of an attempt to improve a tool.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="BaseVersion">The version being improved.</param>
/// <param name="InvestigationReportId">The report that motivated it.</param>
/// <param name="DetailsJson">Strategy and context as a JSON document.</param>
public sealed record NewImprovementAttempt(
    string ToolName,
    int BaseVersion,
    long? InvestigationReportId,
    string DetailsJson);
