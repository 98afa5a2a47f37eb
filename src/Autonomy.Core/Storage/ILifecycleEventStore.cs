namespace Autonomy.Core.Storage;

/// <summary>
/// How tools came to be (<c>tool_creation_events</c>) and what happened to them after
/// (<c>tool_lifecycle_events</c>), with the <c>tool_lifecycle_summary</c> view.
/// </summary>
public interface ILifecycleEventStore
{
    /// <summary>Records a tool's creation.</summary>
    Task<ToolCreationEvent> RecordCreationAsync(NewToolCreationEvent creation, CancellationToken cancellationToken = default);

    /// <summary>Records a lifecycle event.</summary>
    Task<LifecycleEvent> RecordEventAsync(NewLifecycleEvent lifecycleEvent, CancellationToken cancellationToken = default);

    /// <summary>A tool's creation events, oldest first.</summary>
    Task<IReadOnlyList<ToolCreationEvent>> ListCreationsAsync(string toolName, CancellationToken cancellationToken = default);

    /// <summary>
    /// The tools with at least one creation event of this exact <paramref name="reason"/>, by name (ordinal): for
    /// example every tool the tools folder created (<c>Autonomy.Core.Lifecycle.FolderSyncPlanner.CreationReason</c>).
    /// </summary>
    Task<IReadOnlyList<string>> ListToolsCreatedForAsync(string reason, CancellationToken cancellationToken = default);

    /// <summary>A tool's lifecycle events, newest first.</summary>
    Task<IReadOnlyList<LifecycleEvent>> ListEventsAsync(string toolName, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every tool's lifecycle events whose id is greater than <paramref name="afterId"/>, oldest (lowest id) first,
    /// at most <paramref name="limit"/>: a reader that passes the last id it saw follows the events as they are
    /// recorded. On PostgreSQL, ids are allocated before their transactions commit, so an event of a transaction
    /// that commits late can have an id below one already read; the ToolGrain records its events one at a time,
    /// so this is rare, and a follower that must see everything re-reads a margin below its last id.
    /// </summary>
    Task<IReadOnlyList<LifecycleEvent>> ListEventsAfterAsync(long afterId, int limit, CancellationToken cancellationToken = default);

    /// <summary>A tool's row of <c>tool_lifecycle_summary</c>, or null when it has no events.</summary>
    Task<ToolLifecycleSummary?> GetSummaryAsync(string toolName, CancellationToken cancellationToken = default);

    /// <summary>Every tool's row of <c>tool_lifecycle_summary</c>, by name.</summary>
    Task<IReadOnlyList<ToolLifecycleSummary>> ListSummariesAsync(CancellationToken cancellationToken = default);
}
