using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Grains.Loop;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Loop;

/// <summary>
/// The five-minute scan reminder, registered by the silo's start-up step alone, on a fake reminder clock. One test
/// per cluster: it advances the clock once.
/// </summary>
public sealed class LoopScanReminderTests(LoopClusterFixture fixture) : IClassFixture<LoopClusterFixture>
{
    private ILoopCoordinatorGrain Coordinator => fixture.Client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey);

    [Fact]
    public async Task ReceiveReminder_FiveMinutesPass_ScanFindsTheFailingToolFromRollupsWithoutWakingToolGrains()
    {
        var failing = ToolDriver.NewName("failing");
        var healthy = ToolDriver.NewName("healthy");
        var sparse = ToolDriver.NewName("sparse");
        await ExecutionSeed.RecordAsync(fixture, failing, successes: 3, failures: 9, invalidInputs: 5);
        await ExecutionSeed.RecordAsync(fixture, healthy, successes: 12, failures: 1);
        await ExecutionSeed.RecordAsync(fixture, sparse, successes: 0, failures: 4);
        Assert.Null((await Coordinator.GetStatusAsync()).LastScan);

        fixture.ReminderTime.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        var status = await Eventually.GetAsync(() => Coordinator.GetStatusAsync(), s => s.LastScan is not null);
        var scan = status.LastScan!;
        Assert.Equal((false, (string?)null), (scan.Skipped, scan.Error));

        // Invalid input counts neither way; the sparse tool has too few executions for the rate rule and too few
        // failures for the recent-failures rule. The failing tool meets both, and is one opportunity. The failing
        // and the healthy tool have enough executions to be judged: two tools analysed.
        var opportunity = Assert.Single(scan.Opportunities);
        Assert.Equal((failing, 12L, 9L), (opportunity.ToolName, opportunity.Executions, opportunity.Failures));
        Assert.Equal(0.25, opportunity.SuccessRate, 6);
        Assert.Equal("success rate 0.25 over 12 executions (9 failed) today and yesterday (UTC); 9 of 12 executions failed in the last 60 min", opportunity.Reason);
        Assert.Equal(2, scan.ToolsAnalyzed);
        Assert.Equal(new LoopStatistics(1, 1, 0, 0, 0, 0, 2, 0), status.Statistics);

        var recorded = Assert.Single(await fixture.Service<ILifecycleEventStore>().ListEventsAsync(failing, 10));
        Assert.Equal(InvestigatingOpportunityProcessor.EventType, recorded.EventType);
        Assert.Contains("\"executions\":12", recorded.DetailsJson, StringComparison.Ordinal);

        // Seeded rows have no registered tool behind them: the investigation says so, and no report is stored.
        Assert.Contains("\"investigation\":\"UnknownTool\"", recorded.DetailsJson, StringComparison.Ordinal);
        Assert.Null(await fixture.Service<IInvestigationReportStore>().GetLatestAsync(failing));

        // The scan read rollups only: no tool grain was activated for the tools it judged. A grain that was
        // activated shows in the same list, so the check can fail.
        var control = ToolDriver.NewName("control");
        await fixture.Client.GetGrain<IToolGrain>(control).DescribeAsync();
        var toolType = fixture.Client.GetGrain<IToolGrain>(control).GetGrainId().Type;
        var activeTools = (await fixture.Client.GetGrain<IManagementGrain>(0).GetActiveGrains(toolType))
            .Select(id => id.Key.ToString())
            .ToList();
        Assert.Contains(control, activeTools);
        Assert.DoesNotContain(failing, activeTools);
        Assert.DoesNotContain(healthy, activeTools);
        Assert.DoesNotContain(sparse, activeTools);
    }
}
