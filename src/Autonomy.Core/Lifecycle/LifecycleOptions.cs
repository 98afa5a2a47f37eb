using System.ComponentModel.DataAnnotations;

namespace Autonomy.Core.Lifecycle;

/// <summary>
/// Options of the lifecycle manager (section <c>Autonomy:Lifecycle</c>), which the daily maintenance runs: syncing
/// tools between their source folder and the store, archiving unused tools, and holding back both for a valuable tool
/// until a person acknowledges the alert. See docs/decisions/0015-lifecycle.md.
/// </summary>
public sealed class LifecycleOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Lifecycle";

    /// <summary>Default idle time after which a little-used tool is archived: 90 days, the predecessor's policy.</summary>
    public const int DefaultArchiveAfterDays = 90;

    /// <summary>Default use count below which an idle tool is archived: fewer than 10 executions ever, the predecessor's policy.</summary>
    public const long DefaultArchiveBelowUses = 10;

    /// <summary>Default executions ever from which a tool is valuable: 100, ten times the archive floor.</summary>
    public const long DefaultValuableUses = 100;

    /// <summary>Default recency that makes a tool valuable: used in the last 7 days.</summary>
    public const int DefaultValuableRecentDays = 7;

    /// <summary>Default most actions (registrations, deploys, deletions, archivals, alerts) one run takes; the rest wait for the next run.</summary>
    public const int DefaultMaxActionsPerRun = 50;

    /// <summary>
    /// The folder of tool sources to keep in sync with the store (one tool per <c>*.cs</c> file, named by its
    /// <c>[Tool("name", ...)]</c> attribute; subfolders are not read). A relative path is resolved against the
    /// silo's working directory. Null or empty turns folder sync off; archiving still runs.
    /// </summary>
    /// <value>Defaults to null (off).</value>
    public string? ToolsFolder { get; set; }

    /// <summary>
    /// Whether maintenance writes the active source of a folder tool back to its file when they differ and the file
    /// holds an older version of the tool (an autonomous fix, or a version added through the command line, is
    /// active). A file a person changed is never overwritten: a new source in the folder becomes a version instead.
    /// </summary>
    /// <value>Defaults to false.</value>
    public bool WriteBack { get; set; }

    /// <summary>How long a tool must go unused, and untouched, before it may be archived.</summary>
    /// <value>Defaults to <see cref="DefaultArchiveAfterDays"/>.</value>
    [Range(1, 36_500)]
    public int ArchiveAfterDays { get; set; } = DefaultArchiveAfterDays;

    /// <summary>An idle tool is archived when it has run fewer times than this, ever; 0 turns archiving off.</summary>
    /// <value>Defaults to <see cref="DefaultArchiveBelowUses"/>.</value>
    [Range(0, long.MaxValue)]
    public long ArchiveBelowUses { get; set; } = DefaultArchiveBelowUses;

    /// <summary>A tool that has run at least this many times, ever, is valuable.</summary>
    /// <value>Defaults to <see cref="DefaultValuableUses"/>.</value>
    [Range(1, long.MaxValue)]
    public long ValuableUses { get; set; } = DefaultValuableUses;

    /// <summary>A tool used within this many days is valuable; 0 leaves recency out.</summary>
    /// <value>Defaults to <see cref="DefaultValuableRecentDays"/>.</value>
    [Range(0, 36_500)]
    public int ValuableRecentDays { get; set; } = DefaultValuableRecentDays;

    /// <summary>The most actions one maintenance run takes; recording adoptions and resolving alerts are not counted.</summary>
    /// <value>Defaults to <see cref="DefaultMaxActionsPerRun"/>.</value>
    [Range(1, 100_000)]
    public int MaxActionsPerRun { get; set; } = DefaultMaxActionsPerRun;

    /// <summary><see cref="ArchiveAfterDays"/> as a time span.</summary>
    public TimeSpan ArchiveAfter => TimeSpan.FromDays(ArchiveAfterDays);

    /// <summary><see cref="ValuableRecentDays"/> as a time span.</summary>
    public TimeSpan ValuableRecent => TimeSpan.FromDays(ValuableRecentDays);

    /// <summary>Whether folder sync is on.</summary>
    public bool SyncsFolder => !string.IsNullOrWhiteSpace(ToolsFolder);
}
