using Autonomy.Core.Lifecycle;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Autonomy.Core.Tests.Lifecycle;

/// <summary>The 90-day archive policy on a fake clock, day by day.</summary>
public sealed class ArchivePolicyTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);
    private readonly ArchivePolicy _policy = new(new LifecycleOptions());

    private static ToolAlert Alert(string tool, string? acknowledgedBy = null) => new(
        7, tool, LifecycleAlertKinds.ArchiveValuable, "held", "{}", Start, acknowledgedBy is null ? null : Start, acknowledgedBy, null, null);

    [Fact]
    public void Plan_NinetyDaysPass_ArchivesTheIdleLittleUsedToolsAfterTheNinetiethDayOnly()
    {
        // Registered at the start; "used" ran 9 times in its first hour; "busy" ran 10 times; "fresh" was deployed on day 30.
        var usedOnce = new ToolUsage("used", 9, Start.AddMinutes(-30));
        var tools = new[]
        {
            new ToolActivity("never", ToolStatus.Active, Start, null, null),
            new ToolActivity("used", ToolStatus.Active, Start, usedOnce, null),
            new ToolActivity("busy", ToolStatus.Active, Start, new ToolUsage("busy", 10, Start.AddMinutes(-30)), null),
            new ToolActivity("fresh", ToolStatus.Active, Start.AddDays(30), null, null),
            new ToolActivity("gone", ToolStatus.Archived, Start, null, null),
        };
        var firstArchived = new Dictionary<string, int>();
        for (var day = 1; day <= 121; day++)
        {
            _time.Advance(TimeSpan.FromDays(1));
            foreach (var action in _policy.Plan(tools, _time.GetUtcNow()))
            {
                Assert.Equal(LifecycleActionKind.Archive, action.Kind);
                firstArchived.TryAdd(action.ToolName, day);
            }
        }

        // "never" and "fresh" idle since they were touched; "used" since the end of the hour it ran in (10:00).
        Assert.Equal(new Dictionary<string, int> { ["never"] = 91, ["used"] = 91, ["fresh"] = 121 }, firstArchived);
    }

    [Fact]
    public void Qualifies_ExactlyNinetyDaysAfterTheLastUse_NotYet()
    {
        var tool = new ToolActivity("t", ToolStatus.Active, Start.AddDays(-400), new ToolUsage("t", 3, Start), null);

        Assert.Null(_policy.Qualifies(tool, Start.AddHours(1).AddDays(90)));
        Assert.Equal(
            "idle for 90 days (last used before 2030-01-01 10:30 UTC, last changed 2028-11-27 09:30 UTC) and run 3 times in all (archived after 90 days below 10 uses)",
            _policy.Qualifies(tool, Start.AddHours(1).AddDays(90).AddTicks(1)));
    }

    [Fact]
    public void Plan_ValuableToolQualifies_RaisesAnAlertInsteadThenArchivesOnceAcknowledged()
    {
        // Configured so that the rules overlap: 50 uses are below the archive floor and valuable.
        var policy = new ArchivePolicy(new LifecycleOptions { ArchiveBelowUses = 100, ValuableUses = 50 });
        var usage = new ToolUsage("t", 50, Start.AddDays(-100).AddHours(-1));

        var first = Assert.Single(policy.Plan([new ToolActivity("t", ToolStatus.Active, Start.AddDays(-200), usage, null)], Start));
        var waiting = Assert.Single(policy.Plan([new ToolActivity("t", ToolStatus.Active, Start.AddDays(-200), usage, Alert("t"))], Start));
        var approved = Assert.Single(policy.Plan([new ToolActivity("t", ToolStatus.Active, Start.AddDays(-200), usage, Alert("t", "ada"))], Start));

        Assert.Equal((LifecycleActionKind.RaiseAlert, LifecycleAlertKinds.ArchiveValuable, (ToolAlert?)null), (first.Kind, first.AlertKind, first.Alert));
        Assert.StartsWith("idle for 100 days", first.Reason, StringComparison.Ordinal);
        Assert.EndsWith("but it is valuable (used 50 times (valuable from 50)): it stays until the alert is acknowledged", first.Reason, StringComparison.Ordinal);
        Assert.Equal((LifecycleActionKind.RaiseAlert, 7L), (waiting.Kind, waiting.Alert!.Id));
        Assert.Equal((LifecycleActionKind.Archive, 7L), (approved.Kind, approved.Alert!.Id));
        Assert.EndsWith("; it is valuable, and alert 7 was acknowledged by ada", approved.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_AlertedToolUsedAgainOrArchived_ResolvesTheAlert()
    {
        var used = new ToolActivity("used", ToolStatus.Active, Start.AddDays(-200), new ToolUsage("used", 3, Start.AddHours(-2)), Alert("used"));
        var archived = new ToolActivity("archived", ToolStatus.Archived, Start.AddDays(-200), null, Alert("archived"));

        var actions = _policy.Plan([used, archived], Start);

        Assert.Equal(
            [
                (LifecycleActionKind.ResolveAlert, "archived", "the tool is archived"),
                (LifecycleActionKind.ResolveAlert, "used", "it no longer qualifies for archiving"),
            ],
            actions.Select(a => (a.Kind, a.ToolName, a.Reason)));
    }

    [Fact]
    public void Plan_ArchiveBelowUsesZero_ArchivesNothing()
    {
        var policy = new ArchivePolicy(new LifecycleOptions { ArchiveBelowUses = 0 });

        Assert.Empty(policy.Plan([new ToolActivity("t", ToolStatus.Active, Start.AddDays(-1000), null, null)], Start));
    }
}
