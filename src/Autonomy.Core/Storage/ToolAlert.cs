namespace Autonomy.Core.Storage;

/// <summary>A stored alert (<c>tool_alerts</c>).</summary>
/// <param name="Id">The alert's id.</param>
/// <param name="ToolName">The tool it is about.</param>
/// <param name="Kind">What kind of alert, for example <c>delete_valuable</c>.</param>
/// <param name="Message">One line for a person.</param>
/// <param name="DetailsJson">The evidence, as a JSON document.</param>
/// <param name="CreatedAt">When it was raised.</param>
/// <param name="AcknowledgedAt">When a person acknowledged it, or null.</param>
/// <param name="AcknowledgedBy">Who acknowledged it, or null.</param>
/// <param name="ResolvedAt">When it was resolved (its action taken, or its condition cleared), or null while open.</param>
/// <param name="Resolution">How it was resolved, or null while open.</param>
public sealed record ToolAlert(
    long Id,
    string ToolName,
    string Kind,
    string Message,
    string DetailsJson,
    DateTimeOffset CreatedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    DateTimeOffset? ResolvedAt,
    string? Resolution)
{
    /// <summary>Whether a person has acknowledged it.</summary>
    public bool IsAcknowledged => AcknowledgedAt is not null;

    /// <summary>Whether it is resolved.</summary>
    public bool IsResolved => ResolvedAt is not null;
}
