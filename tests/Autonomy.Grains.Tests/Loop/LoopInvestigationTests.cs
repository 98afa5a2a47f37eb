using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Grains.Loop;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Loop;

/// <summary>
/// The scan wired to investigation: each opportunity gets a stored report and an <c>opportunity_detected</c> event
/// naming it, once per <c>ReinvestigateAfterMinutes</c> unless the tool changes; and the recent-failures rule.
/// </summary>
public sealed class LoopInvestigationTests(LoopClusterFixture fixture) : IClassFixture<LoopClusterFixture>
{
    private ILoopCoordinatorGrain Coordinator => fixture.Client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey);

    private IInvestigationReportStore Reports => fixture.Service<IInvestigationReportStore>();

    /// <summary>A failing echo tool, version 1 deployed, with 18 failures in 20 executions written to the log.</summary>
    private async Task<string> FailingToolAsync(string prefix)
    {
        var name = ToolDriver.NewName(prefix);
        await ToolDriver.RegisterAsync(fixture.Client, name, 1, failing: true, deploy: true);
        await ToolDriver.DriveAsync(fixture.Client, name, expectedVersion: 1);
        await fixture.FlushExecutionLogsAsync();
        return name;
    }

    private async Task<IReadOnlyList<LifecycleEvent>> OpportunityEventsAsync(string name) =>
        [.. (await fixture.Service<ILifecycleEventStore>().ListEventsAsync(name, 50))
            .Where(e => e.EventType == InvestigatingOpportunityProcessor.EventType)];

    [Fact]
    public async Task RunScanNowAsync_FailingTool_StoresAReportAndRecordsTheEventNamingIt()
    {
        var name = await FailingToolAsync("investigated");

        var scan = await Coordinator.RunScanNowAsync();

        var opportunity = Assert.Single(scan.Opportunities, o => o.ToolName == name);
        Assert.Equal((20L, 18L), (opportunity.Executions, opportunity.Failures));
        var report = Assert.Single(await Reports.ListAsync(name, 10));
        Assert.Equal((int?)1, report.Version);
        Assert.True(report.ShouldImprove);

        var recorded = Assert.Single(await OpportunityEventsAsync(name));
        Assert.Equal((int?)1, recorded.Version);
        using var details = JsonDocument.Parse(recorded.DetailsJson);
        var root = details.RootElement;
        Assert.Equal("Completed", root.GetProperty("investigation").GetString());
        Assert.Equal(report.Id, root.GetProperty("reportId").GetInt64());
        Assert.Equal(InvestigationGrainVerdict(report), root.GetProperty("verdict").GetString());
        Assert.True(root.GetProperty("shouldImprove").GetBoolean());
        Assert.Equal(opportunity.Reason, root.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task RunScanNowAsync_SecondScanWithinTheReinvestigateSpan_DoesNotInvestigateAgain()
    {
        var name = await FailingToolAsync("once");
        var first = await Coordinator.RunScanNowAsync();
        Assert.Contains(first.Opportunities, o => o.ToolName == name);

        var second = await Coordinator.RunScanNowAsync();

        // Still an opportunity, but neither a second report nor a second event.
        Assert.Contains(second.Opportunities, o => o.ToolName == name);
        Assert.Single(await Reports.ListAsync(name, 10));
        Assert.Single(await OpportunityEventsAsync(name));
    }

    [Fact]
    public async Task RunScanNowAsync_VersionDeployedSinceTheLastInvestigation_InvestigatesTheNewVersion()
    {
        var name = await FailingToolAsync("redeployed");
        await Coordinator.RunScanNowAsync();
        await ToolDriver.RegisterAsync(fixture.Client, name, 2, failing: true, deploy: true);
        await ToolDriver.DriveAsync(fixture.Client, name, expectedVersion: 2);
        await fixture.FlushExecutionLogsAsync();

        await Coordinator.RunScanNowAsync();

        var reports = await Reports.ListAsync(name, 10);
        Assert.Equal([(int?)2, 1], reports.Select(r => r.Version));
        var events = await OpportunityEventsAsync(name);
        Assert.Equal([reports[0].Id, reports[1].Id], events.Select(ReportIdOf));
    }

    [Fact]
    public async Task RunScanNowAsync_DayIsFineButTheLastHourFailed_RecentFailuresRuleFlagsTheToolWithTheRecentNumbers()
    {
        // Three hours back is outside the recent window even though it is read in whole hours (the hour holding
        // its start counts in full), and inside the scan window (today and yesterday).
        var earlier = TimeProvider.System.GetUtcNow().AddHours(-3);
        var broke = ToolDriver.NewName("broke");
        var blip = ToolDriver.NewName("blip");
        var busy = ToolDriver.NewName("busy");
        await ExecutionSeed.RecordAsync(fixture, broke, successes: 60, failures: 0, at: earlier);
        await ExecutionSeed.RecordAsync(fixture, broke, successes: 0, failures: 6, invalidInputs: 3);
        await ExecutionSeed.RecordAsync(fixture, blip, successes: 60, failures: 0, at: earlier);
        await ExecutionSeed.RecordAsync(fixture, blip, successes: 0, failures: 4);
        await ExecutionSeed.RecordAsync(fixture, busy, successes: 100, failures: 6);

        var scan = await Coordinator.RunScanNowAsync();

        // 60 of 66 over the scan window is fine, so that read returns no row for it; 6 of 6 in the last hour is not,
        // and those are the numbers reported. Four failures are below the rule's count, and six among a hundred
        // successes keep the recent rate above the threshold.
        var opportunity = Assert.Single(scan.Opportunities, o => o.ToolName == broke);
        Assert.Equal("6 of 6 executions failed in the last 60 min", opportunity.Reason);
        Assert.Equal((6L, 6L, 0.0), (opportunity.Executions, opportunity.Failures, opportunity.SuccessRate));
        Assert.DoesNotContain(scan.Opportunities, o => o.ToolName == blip || o.ToolName == busy);
        Assert.Single(await OpportunityEventsAsync(broke));
    }

    private static long ReportIdOf(LifecycleEvent recorded)
    {
        using var details = JsonDocument.Parse(recorded.DetailsJson);
        return details.RootElement.GetProperty("reportId").GetInt64();
    }

    private static string? InvestigationGrainVerdict(InvestigationReport report) =>
        Grains.Investigation.InvestigationGrain.ReadVerdict(report.FindingsJson);
}
