using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Lifecycle;

/// <summary>
/// Deleting and restoring a tool through its grain. Only <see cref="RestoreAsync_ArchivedTool_AnswersAgainAndItsHealthCheckRunsAgain"/>
/// advances the reminder clock.
/// </summary>
public sealed class ToolLifecycleTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan s_pastOnePeriod = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);

    private IToolGrain Tool(string name) => fixture.Client.GetGrain<IToolGrain>(name);

    private IToolExecutorGrain Worker => fixture.Client.GetGrain<IToolExecutorGrain>(0);

    private async Task<string> DeployedAsync(string prefix)
    {
        var name = ToolDriver.NewName(prefix);
        await ToolDriver.RegisterAsync(fixture.Client, name, 1, failing: false, deploy: true);
        return name;
    }

    private async Task<LifecycleEvent> NewestEventAsync(string name) =>
        (await fixture.Service<ILifecycleEventStore>().ListEventsAsync(name, 1))[0];

    [Fact]
    public async Task RestoreAsync_ArchivedTool_AnswersAgainAndItsHealthCheckRunsAgain()
    {
        var name = await DeployedAsync("restore_archived");
        Assert.True((await Tool(name).ArchiveAsync("unused")).Succeeded);

        var restored = await Tool(name).RestoreAsync("needed again");

        Assert.Equal((true, "restored (it was archived)", (int?)1), (restored.Succeeded, restored.Message, restored.ActiveVersion));
        var restoredEvent = await NewestEventAsync(name);
        Assert.Equal(
            ("restored", (ToolStatus?)ToolStatus.Archived, (ToolStatus?)ToolStatus.Active, (int?)1),
            (restoredEvent.EventType, restoredEvent.FromStatus, restoredEvent.ToStatus, restoredEvent.Version));
        Assert.Equal(ToolExecutionStatus.Executed, (await Worker.ExecuteAsync(name, """{"n": 1}""")).Status);
        Assert.Null((await Tool(name).DescribeAsync()).LastHealthCheckAt);

        // Archiving removed the health-check reminder; only a reminder registered again by the restore ticks now.
        fixture.ReminderTime.Advance(s_pastOnePeriod);

        var checkedAgain = await Eventually.GetAsync(() => Tool(name).DescribeAsync(), d => d.LastHealthCheckAt is not null);
        Assert.NotEqual(ToolHealth.Archived, checkedAgain.Health);
    }

    [Fact]
    public async Task MarkDeletedAsync_DeployedTool_StopsAnsweringAsDeletedAndRefusesCommands()
    {
        var name = await DeployedAsync("delete");

        var deleted = await Tool(name).MarkDeletedAsync("its file is gone");

        Assert.Equal((true, "deleted"), (deleted.Succeeded, deleted.Message));
        var reply = await Worker.ExecuteAsync(name, """{"n": 1}""");
        Assert.Equal((ToolExecutionStatus.Deleted, 1), (reply.Status, reply.Version));
        var active = await Tool(name).GetActiveVersionAsync();
        Assert.Equal(ToolAvailability.Deleted, active.Status);
        var description = await Tool(name).DescribeAsync();
        Assert.Equal((ToolHealth.Deleted, true, (MonitoringSummary?)null), (description.Health, description.Archived, description.Monitoring));
        Assert.Equal($"tool '{name}' is deleted", (await Tool(name).DeployAsync(1)).Message);
        Assert.Equal($"tool '{name}' is deleted", (await Tool(name).RegisterVersionAsync(ToolSources.Echo(name, 2), "human", "v2")).Message);
        var deletedEvent = await NewestEventAsync(name);
        Assert.Equal(("deleted", (ToolStatus?)ToolStatus.Active, (ToolStatus?)ToolStatus.Deleted), (deletedEvent.EventType, deletedEvent.FromStatus, deletedEvent.ToStatus));
        Assert.DoesNotContain(await fixture.Service<IDeploymentMonitoringStore>().ListActiveAsync(), s => s.ToolName == name);
    }

    [Fact]
    public async Task MarkDeletedAsync_ArchivedToolThenAgain_DeletedFromArchivedOnce()
    {
        var name = await DeployedAsync("delete_archived");
        await Tool(name).ArchiveAsync("unused");

        var deleted = await Tool(name).MarkDeletedAsync("its file is gone");
        var again = await Tool(name).MarkDeletedAsync("its file is gone");

        Assert.True(deleted.Succeeded);
        Assert.Equal((true, "the tool was already deleted"), (again.Succeeded, again.Message));
        var events = await fixture.Service<ILifecycleEventStore>().ListEventsAsync(name, 10);
        var deletion = Assert.Single(events, e => e.EventType == "deleted");
        Assert.Equal(((ToolStatus?)ToolStatus.Archived, (ToolStatus?)ToolStatus.Deleted), (deletion.FromStatus, deletion.ToStatus));
    }

    [Fact]
    public async Task RestoreAsync_DeletedTool_AnswersAgainWithTheVersionItHad()
    {
        var name = await DeployedAsync("restore_deleted");
        await Tool(name).MarkDeletedAsync("its file is gone");

        var restored = await Tool(name).RestoreAsync("its file is back");

        Assert.Equal((true, "restored (it was deleted)"), (restored.Succeeded, restored.Message));
        var reply = await Worker.ExecuteAsync(name, """{"n": 1}""");
        Assert.Equal((ToolExecutionStatus.Executed, 1), (reply.Status, reply.Version));
        Assert.Equal(ToolHealth.Unknown, (await Tool(name).DescribeAsync()).Health);
        var restoredEvent = await NewestEventAsync(name);
        Assert.Equal((ToolStatus?)ToolStatus.Deleted, restoredEvent.FromStatus);
    }

    [Fact]
    public async Task RestoreAsync_ToolInServiceOrUnknown_ChangesNothing()
    {
        var name = await DeployedAsync("restore_active");
        var unknown = ToolDriver.NewName("restore_unknown");

        var active = await Tool(name).RestoreAsync("why not");
        var missing = await Tool(unknown).RestoreAsync("why not");

        Assert.Equal((true, "the tool is in service; nothing to restore"), (active.Succeeded, active.Message));
        Assert.Equal((false, $"no tool is named '{unknown}'"), (missing.Succeeded, missing.Message));
        Assert.Equal("deployed", (await NewestEventAsync(name)).EventType);
    }
}
