namespace Autonomy.Core.Analysis;

/// <summary>
/// Writes a narrative for an investigation's findings (an LLM, when one is configured). Optional: the findings are
/// complete without it, and a narrator that fails or times out leaves the report without a narrative.
/// </summary>
public interface IInvestigationNarrator
{
    /// <summary>A short account of the findings for a person, or null to add none.</summary>
    Task<string?> NarrateAsync(ToolInvestigation findings, string? toolSource, CancellationToken cancellationToken);
}
