namespace Autonomy.Core.Storage;

/// <summary>A change in a tool's life: deployed, rolled back, archived, deleted, restored.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="EventType">What happened, for example <c>deployed</c> or <c>archived</c>.</param>
/// <param name="FromStatus">The status before, when it changed.</param>
/// <param name="ToStatus">The status after, when it changed.</param>
/// <param name="Version">The version concerned.</param>
/// <param name="DetailsJson">Context as a JSON document.</param>
public sealed record NewLifecycleEvent(
    string ToolName,
    string EventType,
    ToolStatus? FromStatus,
    ToolStatus? ToStatus,
    int? Version,
    string DetailsJson);
