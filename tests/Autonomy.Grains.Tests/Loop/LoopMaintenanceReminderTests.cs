using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Loop;

/// <summary>The daily maintenance reminder on a fake reminder clock. One test per cluster: it advances the clock once.</summary>
public sealed class LoopMaintenanceReminderTests(LoopClusterFixture fixture) : IClassFixture<LoopClusterFixture>
{
    private ILoopCoordinatorGrain Coordinator => fixture.Client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey);

    [Fact]
    public async Task ReceiveReminder_OneDayPasses_MaintenanceRunsAndClosesAnOrphanedMonitoringSession()
    {
        // A session whose tool never tracked it (as after a lost grain state), ended the moment it started.
        var name = ToolDriver.NewName("orphan");
        var monitoring = fixture.Service<IDeploymentMonitoringStore>();
        var orphan = await monitoring.StartAsync(new NewMonitoringSession(name, 1, null, null, TimeSpan.Zero));
        Assert.Null((await Coordinator.GetStatusAsync()).LastMaintenance);

        fixture.ReminderTime.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));

        var status = await Eventually.GetAsync(() => Coordinator.GetStatusAsync(), s => s.LastMaintenance is not null);
        var maintenance = status.LastMaintenance!;
        Assert.Equal((false, (string?)null), (maintenance.Skipped, maintenance.Error));
        Assert.Equal(1, status.Statistics.MaintenanceRuns);
        Assert.Equal(
            ["1 monitoring session(s) active, 1 overdue", $"closed the orphaned monitoring session {orphan.Id} of tool {name}"],
            maintenance.Actions);
        var closed = await monitoring.GetAsync(orphan.Id);
        Assert.Equal(MonitoringStatus.Aborted, closed!.Status);
        Assert.Empty(await monitoring.ListActiveAsync());
    }
}
