namespace Autonomy.Core.Storage;

/// <summary>A stored lifecycle event.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="EventType">What happened.</param>
/// <param name="FromStatus">The status before.</param>
/// <param name="ToStatus">The status after.</param>
/// <param name="Version">The version concerned.</param>
/// <param name="DetailsJson">The details JSON.</param>
/// <param name="OccurredAt">When.</param>
public sealed record LifecycleEvent(
    long Id,
    string ToolName,
    string EventType,
    ToolStatus? FromStatus,
    ToolStatus? ToStatus,
    int? Version,
    string DetailsJson,
    DateTimeOffset OccurredAt);
