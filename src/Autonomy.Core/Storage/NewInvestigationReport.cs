namespace Autonomy.Core.Storage;

/// <summary>The result of investigating a tool.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version investigated.</param>
/// <param name="ShouldImprove">Whether an improvement should be attempted.</param>
/// <param name="RootCause">The root cause in one paragraph.</param>
/// <param name="Confidence">Confidence in the root cause, 0 to 1.</param>
/// <param name="FindingsJson">The findings as a JSON document (evidence, error patterns, recommended fixes); its shape may evolve.</param>
public sealed record NewInvestigationReport(
    string ToolName,
    int? Version,
    bool ShouldImprove,
    string RootCause,
    double Confidence,
    string FindingsJson);
