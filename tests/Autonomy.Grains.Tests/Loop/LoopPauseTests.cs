using Autonomy.Abstractions.Grains;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Loop;

/// <summary>A paused loop's reminder tick, on a fake reminder clock. One test per cluster: it advances the clock once.</summary>
public sealed class LoopPauseTests(LoopClusterFixture fixture) : IClassFixture<LoopClusterFixture>
{
    private ILoopCoordinatorGrain Coordinator => fixture.Client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey);

    [Fact]
    public async Task ReceiveReminder_WhilePaused_RecordsASkippedScanAndCountsNothing()
    {
        var failing = ToolDriver.NewName("paused");
        await ExecutionSeed.RecordAsync(fixture, failing, successes: 0, failures: 12);
        var paused = await Coordinator.PauseAsync("  release freeze ");
        Assert.Equal((true, "release freeze"), (paused.Paused, paused.PauseReason));

        fixture.ReminderTime.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var status = await Eventually.GetAsync(() => Coordinator.GetStatusAsync(), s => s.LastScan is not null);
        var skipped = status.LastScan!;
        Assert.True(skipped.Skipped);
        Assert.Equal((0, 0, (string?)null), (skipped.ToolsAnalyzed, skipped.Opportunities.Count, skipped.Error));
        Assert.Equal(paused.Statistics, status.Statistics);
        Assert.True(status.Paused);

        var resumed = await Coordinator.ResumeAsync();
        Assert.Equal((false, (string?)null), (resumed.Paused, resumed.PauseReason));
        var scan = await Coordinator.RunScanNowAsync();
        Assert.False(scan.Skipped);
        Assert.Equal(failing, Assert.Single(scan.Opportunities).ToolName);
        Assert.Equal(paused.Statistics.CyclesCompleted + 1, (await Coordinator.GetStatusAsync()).Statistics.CyclesCompleted);
    }
}
