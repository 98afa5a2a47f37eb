namespace Autonomy.Core.Storage;

/// <summary>A stored investigation report.</summary>
/// <param name="Id">The report's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version investigated.</param>
/// <param name="ShouldImprove">Whether an improvement should be attempted.</param>
/// <param name="RootCause">The root cause.</param>
/// <param name="Confidence">Confidence, 0 to 1.</param>
/// <param name="FindingsJson">The findings JSON.</param>
/// <param name="CreatedAt">When it was saved.</param>
public sealed record InvestigationReport(
    long Id,
    string ToolName,
    int? Version,
    bool ShouldImprove,
    string RootCause,
    double Confidence,
    string FindingsJson,
    DateTimeOffset CreatedAt);
