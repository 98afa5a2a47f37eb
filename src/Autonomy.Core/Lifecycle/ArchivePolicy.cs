using System.Globalization;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Lifecycle;

/// <summary>
/// The archive policy (DESIGN §5.9, the predecessor's): a tool in service that has gone unused for more than
/// <see cref="LifecycleOptions.ArchiveAfterDays"/> and has run fewer than <see cref="LifecycleOptions.ArchiveBelowUses"/>
/// times in all is archived. Idle time counts from the later of its last execution and its last change (a new
/// version, a deploy, a restore), so a tool registered or restored yesterday is not archived for having no traffic
/// before. A valuable tool (<see cref="ValuableToolRule"/>) is not archived: an alert is raised, and the archival
/// waits until a person acknowledges it. Pure: the maintenance service takes the actions.
/// </summary>
public sealed class ArchivePolicy(LifecycleOptions options)
{
    private readonly LifecycleOptions _options = options ?? throw new ArgumentNullException(nameof(options));
    private readonly ValuableToolRule _valuable = new(options);

    /// <summary>Why the tool should be archived at <paramref name="now"/>, or null when it should not.</summary>
    public string? Qualifies(ToolActivity tool, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tool);
        if (tool.Status != ToolStatus.Active || _options.ArchiveBelowUses == 0)
        {
            return null;
        }

        var uses = tool.Usage?.Executions ?? 0;
        var idleSince = tool.Usage is { } usage && usage.LastUsedBy > tool.LastTouchedAt ? usage.LastUsedBy : tool.LastTouchedAt;
        if (uses >= _options.ArchiveBelowUses || now - idleSince <= _options.ArchiveAfter)
        {
            return null;
        }

        var used = tool.Usage is null ? "never used" : string.Create(CultureInfo.InvariantCulture, $"last used before {tool.Usage.LastUsedBy:yyyy-MM-dd HH:mm} UTC");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"idle for {(int)(now - idleSince).TotalDays} days ({used}, last changed {tool.LastTouchedAt:yyyy-MM-dd HH:mm} UTC) and run {uses} times in all (archived after {_options.ArchiveAfterDays} days below {_options.ArchiveBelowUses} uses)");
    }

    /// <summary>The archivals, alerts and alert resolutions for <paramref name="tools"/> at <paramref name="now"/>, by tool name.</summary>
    public IReadOnlyList<LifecycleAction> Plan(IEnumerable<ToolActivity> tools, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(tools);
        var actions = new List<LifecycleAction>();
        foreach (var tool in tools.OrderBy(t => t.ToolName, StringComparer.Ordinal))
        {
            if (Qualifies(tool, now) is not { } why)
            {
                if (tool.ArchiveAlert is { } stale)
                {
                    actions.Add(new LifecycleAction(
                        LifecycleActionKind.ResolveAlert,
                        tool.ToolName,
                        tool.Status == ToolStatus.Active ? "it no longer qualifies for archiving" : $"the tool is {StatusName(tool.Status)}")
                    {
                        Alert = stale,
                    });
                }

                continue;
            }

            var valuable = _valuable.Judge(tool.Usage, now);
            if (!valuable.IsValuable)
            {
                actions.Add(new LifecycleAction(LifecycleActionKind.Archive, tool.ToolName, why) { Alert = tool.ArchiveAlert });
            }
            else if (tool.ArchiveAlert is { IsAcknowledged: true } approved)
            {
                actions.Add(new LifecycleAction(
                    LifecycleActionKind.Archive,
                    tool.ToolName,
                    $"{why}; it is valuable, and alert {approved.Id} was acknowledged by {approved.AcknowledgedBy}")
                {
                    Alert = approved,
                });
            }
            else
            {
                actions.Add(new LifecycleAction(
                    LifecycleActionKind.RaiseAlert,
                    tool.ToolName,
                    $"{why}, but it is valuable ({valuable.Describe()}): it stays until the alert is acknowledged")
                {
                    AlertKind = LifecycleAlertKinds.ArchiveValuable,
                    Alert = tool.ArchiveAlert,
                    Valuable = valuable,
                });
            }
        }

        return actions;
    }

    private static string StatusName(ToolStatus status) => status switch
    {
        ToolStatus.Archived => "archived",
        ToolStatus.Deleted => "deleted",
        _ => "active",
    };
}
