using System.Globalization;
using Autonomy.Core.Analysis;
using Autonomy.Core.Storage;
using Autonomy.Grains.Loop;

namespace Autonomy.Grains.Tests.Loop;

/// <summary>The scan's window, its two rules on rollup rows, and the processor's reinvestigation rule on lifecycle events; no cluster.</summary>
public sealed class OpportunityRulesTests
{
    private static readonly AnalysisOptions Analysis = new();
    private static readonly LoopOptions Loop = new();

    private static ToolRollupSummary Row(string name, long successes, long toolErrors, long invalidInputs = 0) =>
        new(name, successes, toolErrors, 0, 0, invalidInputs, 0);

    /// <summary>The scan window's read: the rows below the threshold, and how many tools it judged.</summary>
    private static ToolRollupScan Window(int judged, params ToolRollupSummary[] below) => new(judged, below);

    [Theory]
    [InlineData("2025-06-01T00:00:00Z", 2, "2025-05-31T00:00:00Z", "2025-06-02T00:00:00Z")]
    [InlineData("2025-06-01T00:20:00Z", 2, "2025-05-31T00:00:00Z", "2025-06-02T00:00:00Z")]
    [InlineData("2025-06-01T23:59:59.999Z", 2, "2025-05-31T00:00:00Z", "2025-06-02T00:00:00Z")]
    [InlineData("2025-06-01T12:30:00Z", 1, "2025-06-01T00:00:00Z", "2025-06-02T00:00:00Z")]
    [InlineData("2025-03-01T08:00:00+05:00", 7, "2025-02-23T00:00:00Z", "2025-03-02T00:00:00Z")]
    public void ScanWindowAt_AnyTimeOfDay_TodayAndThePreviousDaysToTheNextMidnight(string now, int days, string from, string to)
    {
        var window = new LoopOptions { ScanWindowDays = days }.ScanWindowAt(DateTimeOffset.Parse(now, CultureInfo.InvariantCulture));

        Assert.Equal((DateTimeOffset.Parse(from, CultureInfo.InvariantCulture), DateTimeOffset.Parse(to, CultureInfo.InvariantCulture)), window);
        Assert.Equal((TimeSpan.Zero, TimeSpan.Zero), (window.From.Offset, window.To.Offset));
    }

    [Fact]
    public void ScanWindowAt_WholeDaysOnly_TheStoreReadsDailyRowsAndNoHourlyRow()
    {
        var (from, to) = Loop.ScanWindowAt(new DateTimeOffset(2025, 6, 1, 17, 45, 0, TimeSpan.Zero));

        var ranges = ExecutionRollupAggregator.ScanRanges(from, to);

        Assert.Equal((from, to), (ranges.DailyFrom, ranges.DailyTo));
        Assert.Equal((ranges.HeadFrom, ranges.TailFrom), (ranges.HeadTo, ranges.TailTo));
    }

    [Fact]
    public void Select_LowRateOnly_ReasonNamesTheRateRuleAndTheWindow()
    {
        var (opportunities, analyzed) = OpportunityRules.Select(Window(2, Row("slow_rot", 6, 4)), [], Analysis, Loop);

        var o = Assert.Single(opportunities);
        Assert.Equal(("slow_rot", "success rate 0.60 over 10 executions (4 failed) today and yesterday (UTC)", 10L, 4L), (o.ToolName, o.Reason, o.Executions, o.Failures));
        Assert.Equal(2, analyzed);
    }

    [Fact]
    public void Select_BothRules_OneOpportunityWithBothReasonsAndTheScanWindowsNumbers()
    {
        var (opportunities, analyzed) = OpportunityRules.Select(Window(1, Row("broken", 2, 18)), [Row("broken", 0, 7)], Analysis, Loop);

        var o = Assert.Single(opportunities);
        Assert.Equal(
            ("success rate 0.10 over 20 executions (18 failed) today and yesterday (UTC); 7 of 7 executions failed in the last 60 min", 20L, 18L),
            (o.Reason, o.Executions, o.Failures));
        Assert.Equal(1, analyzed);
    }

    [Fact]
    public void Select_RecentRowBelowTheFailureCountOrAboveTheRate_NotAnOpportunity()
    {
        // The store returns rows by rate and attributable executions; the failure count is judged here.
        var (opportunities, _) = OpportunityRules.Select(
            Window(0),
            [Row("four_failures", 0, 4, invalidInputs: 9), Row("recovered", 20, 5)],
            Analysis,
            Loop);

        Assert.Empty(opportunities);
    }

    [Fact]
    public void Select_RecentFailuresOfAToolBelowTheExecutionFloor_UsesTheRecentNumbers()
    {
        var (opportunities, _) = OpportunityRules.Select(Window(0), [Row("new_tool", 1, 5)], Analysis, Loop);

        var o = Assert.Single(opportunities);
        Assert.Equal(("5 of 6 executions failed in the last 60 min", 6L, 5L), (o.Reason, o.Executions, o.Failures));
    }

    [Fact]
    public void Select_RecentFailuresOfAToolFineOverTheScanWindow_RecentNumbersAndTheJudgedCount()
    {
        // The scan window judged three tools and none is below the threshold, so it returned no row: the tool the
        // recent rule flags is reported with the recent window's numbers, first among worse-off tools by them.
        var (opportunities, analyzed) = OpportunityRules.Select(
            Window(3, Row("slow_rot", 5, 5)), [Row("just_broke", 1, 6)], Analysis, Loop);

        Assert.Equal(
            [("just_broke", "6 of 7 executions failed in the last 60 min", 7L, 6L), ("slow_rot", "success rate 0.50 over 10 executions (5 failed) today and yesterday (UTC)", 10L, 5L)],
            opportunities.Select(o => (o.ToolName, o.Reason, o.Executions, o.Failures)));
        Assert.Equal(3, analyzed);
    }

    [Fact]
    public void Select_MoreThanTheCap_WorstFirstThenByName()
    {
        var loop = new LoopOptions { MaxOpportunitiesPerScan = 2 };

        var (opportunities, analyzed) = OpportunityRules.Select(Window(3, Row("b", 1, 9), Row("c", 5, 5), Row("a", 1, 9)), [], Analysis, loop);

        Assert.Equal(["a", "b"], opportunities.Select(o => o.ToolName));
        Assert.Equal(3, analyzed);
    }

    private static LifecycleEvent Event(string type, DateTimeOffset at) => new(1, "t", type, null, null, 1, "{}", at);

    [Fact]
    public void InvestigatedRecently_InvestigatedWithinTheSpanAndNothingDeployedSince_TheLastInvestigation()
    {
        var now = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);
        var last = Event(InvestigatingOpportunityProcessor.EventType, now.AddMinutes(-59));

        Assert.Same(last, InvestigatingOpportunityProcessor.InvestigatedRecently(
            [Event("pinned", now.AddMinutes(-1)), last, Event("deployed", now.AddHours(-2))], now, TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("""{"shouldImprove":true,"verdict":"defect"}""", true)]
    [InlineData("""{"shouldImprove":false,"verdict":"healthy"}""", false)]
    [InlineData("""{"verdict":"defect"}""", false)]
    [InlineData("not json", false)]
    public void SaidToImprove_TheEventsDetails_WhatTheReportSaid(string details, bool expected)
    {
        var investigated = new LifecycleEvent(1, "t", InvestigatingOpportunityProcessor.EventType, null, null, 1, details, DateTimeOffset.UnixEpoch);

        Assert.Equal(expected, InvestigatingOpportunityProcessor.SaidToImprove(investigated));
    }

    [Fact]
    public void InvestigatedRecently_SpanPassed_Null()
    {
        var now = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Null(InvestigatingOpportunityProcessor.InvestigatedRecently(
            [Event(InvestigatingOpportunityProcessor.EventType, now.AddMinutes(-60))], now, TimeSpan.FromHours(1)));
    }

    [Theory]
    [InlineData("deployed")]
    [InlineData("rolled_back")]
    public void InvestigatedRecently_VersionChangedSince_Null(string change)
    {
        var now = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

        Assert.Null(InvestigatingOpportunityProcessor.InvestigatedRecently(
            [Event(change, now.AddMinutes(-1)), Event(InvestigatingOpportunityProcessor.EventType, now.AddMinutes(-5))], now, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void InvestigatedRecently_NeverInvestigated_Null() =>
        Assert.Null(InvestigatingOpportunityProcessor.InvestigatedRecently([], DateTimeOffset.UnixEpoch, TimeSpan.FromHours(1)));
}
