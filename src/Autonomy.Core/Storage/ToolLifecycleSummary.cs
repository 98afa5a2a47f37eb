namespace Autonomy.Core.Storage;

/// <summary>A row of the <c>tool_lifecycle_summary</c> view.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="CreatedAt">When it was first created; null without a creation event.</param>
/// <param name="CreatedBy">Who first created it.</param>
/// <param name="CurrentStatus">The latest status change's target, else active once created.</param>
/// <param name="EventCount">Lifecycle events recorded.</param>
/// <param name="LastEventType">The latest event's type.</param>
/// <param name="LastEventAt">The latest event's time.</param>
public sealed record ToolLifecycleSummary(
    string ToolName,
    DateTimeOffset? CreatedAt,
    VersionAuthor? CreatedBy,
    ToolStatus? CurrentStatus,
    long EventCount,
    string? LastEventType,
    DateTimeOffset? LastEventAt);
