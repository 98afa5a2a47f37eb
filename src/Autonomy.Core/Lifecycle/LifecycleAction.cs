using Autonomy.Core.Storage;

namespace Autonomy.Core.Lifecycle;

/// <summary>One thing the lifecycle manager plans to do to a tool.</summary>
/// <param name="Kind">What to do.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Reason">Why, in a phrase, as the events and the maintenance lines say it.</param>
public sealed record LifecycleAction(LifecycleActionKind Kind, string ToolName, string Reason)
{
    /// <summary>The tool's file, for the actions that read or write it.</summary>
    public FolderToolFile? File { get; init; }

    /// <summary>The tool this one was renamed from (a <see cref="LifecycleActionKind.Register"/>).</summary>
    public string? RenamedFrom { get; init; }

    /// <summary>The tool this one was renamed to (a <see cref="LifecycleActionKind.MarkDeleted"/> or the alert that holds it back).</summary>
    public string? RenamedTo { get; init; }

    /// <summary>Whether to restore the tool before the action (it is archived, and its file changed).</summary>
    public bool Restore { get; init; }

    /// <summary>The version concerned: for <see cref="LifecycleActionKind.WriteBack"/>, the active version to write.</summary>
    public int? Version { get; init; }

    /// <summary>The version a new human version replaces as the active one, and its author.</summary>
    public (int Version, string Author)? Replaces { get; init; }

    /// <summary>The kind of alert to raise (<see cref="LifecycleActionKind.RaiseAlert"/>).</summary>
    public string? AlertKind { get; init; }

    /// <summary>
    /// The alert concerned: the one to resolve (<see cref="LifecycleActionKind.ResolveAlert"/>), or the acknowledged
    /// alert that lets a deletion or archival go ahead.
    /// </summary>
    public ToolAlert? Alert { get; init; }

    /// <summary>Why the tool is valuable, for an alert.</summary>
    public ValuableVerdict? Valuable { get; init; }

    /// <summary>Whether the action only records something (an adoption, a resolved alert), so it does not count against the per-run limit.</summary>
    public bool IsBookkeeping => Kind is LifecycleActionKind.Adopt or LifecycleActionKind.ResolveAlert;
}
