namespace Autonomy.Core.Lifecycle;

/// <summary>What folder sync will do, in order, and what it noticed but will not act on.</summary>
/// <param name="Actions">The actions, in the order to take them.</param>
/// <param name="Notes">Lines for the maintenance result: files skipped, deletions withheld.</param>
public sealed record FolderSyncPlan(IReadOnlyList<LifecycleAction> Actions, IReadOnlyList<string> Notes);
