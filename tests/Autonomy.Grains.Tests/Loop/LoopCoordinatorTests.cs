using Autonomy.Abstractions.Grains;
using Autonomy.Core.Analysis;
using Autonomy.Grains.Loop;
using Autonomy.Grains.Tests.Support;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Autonomy.Grains.Tests.Loop;

/// <summary>The coordinator's commands, its persisted state and the rollbacks it learns of. The reminder clock never moves here.</summary>
public sealed class LoopCoordinatorTests(LoopClusterFixture fixture) : IClassFixture<LoopClusterFixture>
{
    private ILoopCoordinatorGrain Coordinator => fixture.Client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey);

    [Fact]
    public async Task EnsureStartedAsync_AfterSiloStart_RemindersAreRegisteredOnceWithTheConfiguredPeriods()
    {
        var reminders = fixture.Service<IReminderTable>();
        var grainId = Coordinator.GetGrainId();

        // The silo's start-up step registered them; asking again changes nothing.
        var before = (await reminders.ReadRows(grainId)).Reminders.ToDictionary(r => r.ReminderName, StringComparer.Ordinal);
        var status = await Coordinator.EnsureStartedAsync();
        var after = (await reminders.ReadRows(grainId)).Reminders.ToDictionary(r => r.ReminderName, StringComparer.Ordinal);

        Assert.Equal((TimeSpan.FromMinutes(5), TimeSpan.FromDays(1)), (status.ScanPeriod, status.MaintenancePeriod));
        Assert.Equal(
            [(LoopCoordinatorGrain.MaintenanceReminder, TimeSpan.FromDays(1)), (LoopCoordinatorGrain.ScanReminder, TimeSpan.FromMinutes(5))],
            after.Values.Select(r => (r.ReminderName, r.Period)).OrderBy(r => r.ReminderName, StringComparer.Ordinal));
        Assert.Equal(before[LoopCoordinatorGrain.ScanReminder].ETag, after[LoopCoordinatorGrain.ScanReminder].ETag);
        Assert.Equal(before[LoopCoordinatorGrain.MaintenanceReminder].ETag, after[LoopCoordinatorGrain.MaintenanceReminder].ETag);
    }

    [Fact]
    public async Task RunScanNowAsync_WhilePaused_ScansAnywayAndStaysPaused()
    {
        var failing = ToolDriver.NewName("now");
        await ExecutionSeed.RecordAsync(fixture, failing, successes: 2, failures: 10);
        var before = await Coordinator.PauseAsync("testing run-now");
        try
        {
            var scan = await Coordinator.RunScanNowAsync();

            Assert.False(scan.Skipped);
            Assert.Null(scan.Error);
            var opportunity = Assert.Single(scan.Opportunities, o => o.ToolName == failing);
            Assert.Equal((12L, 10L), (opportunity.Executions, opportunity.Failures));
            var status = await Coordinator.GetStatusAsync();
            Assert.True(status.Paused);
            Assert.Equal(scan.StartedAt, status.LastScan!.StartedAt);
            Assert.Equal(before.Statistics.CyclesCompleted + 1, status.Statistics.CyclesCompleted);
            Assert.Equal(before.Statistics.OpportunitiesDetected + scan.Opportunities.Count, status.Statistics.OpportunitiesDetected);
            Assert.Equal(before.Statistics.ToolsAnalyzed + scan.ToolsAnalyzed, status.Statistics.ToolsAnalyzed);
        }
        finally
        {
            await Coordinator.ResumeAsync();
        }
    }

    [Fact]
    public async Task RunMaintenanceNowAsync_NothingOverdue_CountsTheRunAndRecordsWhatItChecked()
    {
        var before = await Coordinator.GetStatusAsync();

        var maintenance = await Coordinator.RunMaintenanceNowAsync();

        Assert.Equal((false, (string?)null), (maintenance.Skipped, maintenance.Error));
        Assert.Contains(maintenance.Actions, a => a.EndsWith(" overdue", StringComparison.Ordinal));
        var status = await Coordinator.GetStatusAsync();
        Assert.Equal(before.Statistics.MaintenanceRuns + 1, status.Statistics.MaintenanceRuns);
        Assert.Equal(maintenance.StartedAt, status.LastMaintenance!.StartedAt);
        Assert.Equal(maintenance.Actions, status.LastMaintenance.Actions);
    }

    [Fact]
    public async Task GetStatusAsync_AfterTheCoordinatorIsDeactivated_StateIsReadBack()
    {
        await ExecutionSeed.RecordAsync(fixture, ToolDriver.NewName("persist"), successes: 1, failures: 11);
        await Coordinator.RunScanNowAsync();
        await Coordinator.RunMaintenanceNowAsync();
        var before = await Coordinator.PauseAsync("kept across activations");
        try
        {
            var management = fixture.Client.GetGrain<IManagementGrain>(0);
            var grainId = Coordinator.GetGrainId();
            await management.DeactivateGrain(grainId, CancellationToken.None);
            await Eventually.GetAsync(async () => await management.GetActiveGrains(grainId.Type), active => !active.Contains(grainId));

            var after = await Coordinator.GetStatusAsync();

            Assert.True(after.Statistics.CyclesCompleted >= 1);
            Assert.Equal(before.Statistics, after.Statistics);
            Assert.Equal((true, "kept across activations"), (after.Paused, after.PauseReason));
            Assert.Equal(before.LastScan!.StartedAt, after.LastScan!.StartedAt);
            Assert.Equal(before.LastScan.Opportunities, after.LastScan.Opportunities);
            Assert.Equal(before.LastMaintenance!.Actions, after.LastMaintenance!.Actions);
        }
        finally
        {
            await Coordinator.ResumeAsync();
        }
    }

    [Fact]
    public async Task RecordRollbackAsync_ToolRollsBackAutomatically_RollbacksTriggeredMoves()
    {
        var name = ToolDriver.NewName("rollback");
        await ToolDriver.RegisterAsync(fixture.Client, name, 1, failing: false, deploy: true);
        await ToolDriver.DriveAsync(fixture.Client, name, expectedVersion: 1);
        await ToolDriver.RegisterAsync(fixture.Client, name, 2, failing: true, deploy: true);
        await ToolDriver.DriveAsync(fixture.Client, name, expectedVersion: 2);
        var before = (await Coordinator.GetStatusAsync()).Statistics.RollbacksTriggered;

        var report = await fixture.Client.GetGrain<IToolGrain>(name).CheckHealthAsync();

        Assert.Equal(1, report.RolledBackTo);
        var status = await Eventually.GetAsync(() => Coordinator.GetStatusAsync(), s => s.Statistics.RollbacksTriggered > before);
        Assert.Equal(before + 1, status.Statistics.RollbacksTriggered);
    }

    [Fact]
    public void LoopOptions_Defaults_AreTheSeedThresholds()
    {
        var options = fixture.Service<IOptions<LoopOptions>>().Value;
        var analysis = fixture.Service<IOptions<AnalysisOptions>>().Value;

        Assert.Equal(
            (true, 300, 86_400, 2, 50, 60),
            (options.Enabled, options.ScanPeriodSeconds, options.MaintenancePeriodSeconds, options.ScanWindowDays,
                options.MaxOpportunitiesPerScan, options.ReinvestigateAfterMinutes));
        Assert.Equal(0, options.MonitoringGraceSeconds);

        // The scan's thresholds are the analyzer's (Autonomy:Analysis).
        Assert.Equal((0.7, 10, 60, 5), (analysis.SuccessRateBelow, analysis.MinimumExecutions, analysis.RecentWindowMinutes, analysis.RecentFailures));
    }

    [Fact]
    public void LoopState_ReadFromStorage_LeavesTheDefaultsOfNewStatesAlone()
    {
        // The JSON storage serializer fills an existing property value in place: a shared default instance would
        // take the counters of whatever state was read first (found when a fresh cluster's coordinator started
        // with another cluster's counters).
        var serializer = fixture.Service<IGrainStorageSerializer>();
        var stored = new LoopState { Statistics = new LoopStatistics(5, 4, 3, 2, 1, 1, 9, 7), Paused = true };

        var read = Assert.IsType<LoopState>(serializer.Deserialize<LoopState>(serializer.Serialize(stored)));

        Assert.Equal((stored.Statistics, true), (read.Statistics, read.Paused));
        Assert.Equal(new LoopStatistics(0, 0, 0, 0, 0, 0, 0, 0), new LoopState().Statistics);
    }
}
