namespace Autonomy.Abstractions.Grains;

/// <summary>A stored investigation report (<c>investigation_reports</c>).</summary>
/// <param name="Id">The report's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version investigated, or null when it had no executions.</param>
/// <param name="ShouldImprove">Whether an improvement should be attempted.</param>
/// <param name="Verdict">The kind of conclusion, snake_case (<c>defect</c>, <c>regression</c>, <c>caller_fault</c>, <c>healthy</c>, <c>slow</c>, <c>wrong_output</c>, <c>insufficient_data</c>).</param>
/// <param name="RootCause">The root cause in a few sentences.</param>
/// <param name="Confidence">Confidence in the root cause, 0 to 1.</param>
/// <param name="FindingsJson">The full findings as JSON (the shape of <c>Autonomy.Core.Analysis.ToolInvestigation</c>, camelCase).</param>
/// <param name="CreatedAt">When the report was stored.</param>
[GenerateSerializer, Immutable, Alias("autonomy.investigation-summary")]
public sealed record InvestigationSummary(
    [property: Id(0)] long Id,
    [property: Id(1)] string ToolName,
    [property: Id(2)] int? Version,
    [property: Id(3)] bool ShouldImprove,
    [property: Id(4)] string Verdict,
    [property: Id(5)] string RootCause,
    [property: Id(6)] double Confidence,
    [property: Id(7)] string FindingsJson,
    [property: Id(8)] DateTimeOffset CreatedAt);
