using Autonomy.Core.Storage;

namespace Autonomy.Core.Lifecycle;

/// <summary>What the archive policy knows about a tool.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Status">Active, archived or deleted.</param>
/// <param name="LastTouchedAt">When it last changed: its newest version, or its newest lifecycle event (a deploy, a restore).</param>
/// <param name="Usage">Its executions, or null when it never ran.</param>
/// <param name="ArchiveAlert">Its open <see cref="LifecycleAlertKinds.ArchiveValuable"/> alert, if any.</param>
public sealed record ToolActivity(string ToolName, ToolStatus Status, DateTimeOffset LastTouchedAt, ToolUsage? Usage, ToolAlert? ArchiveAlert);
