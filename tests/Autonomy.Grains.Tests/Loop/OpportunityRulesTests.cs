using Autonomy.Core.Analysis;
using Autonomy.Core.Storage;
using Autonomy.Grains.Loop;

namespace Autonomy.Grains.Tests.Loop;

/// <summary>The scan's two rules on rollup rows, and the processor's reinvestigation rule on lifecycle events; no cluster.</summary>
public sealed class OpportunityRulesTests
{
    private static readonly AnalysisOptions Analysis = new();
    private static readonly LoopOptions Loop = new();

    private static ToolRollupSummary Row(string name, long successes, long toolErrors, long invalidInputs = 0) =>
        new(name, successes, toolErrors, 0, 0, invalidInputs, 0);

    [Fact]
    public void Select_LowRateOnly_ReasonNamesTheRateRuleAndTheWindow()
    {
        var (opportunities, analyzed) = OpportunityRules.Select([Row("slow_rot", 6, 4), Row("fine", 20, 1)], [], Analysis, Loop);

        var o = Assert.Single(opportunities);
        Assert.Equal(("slow_rot", "success rate 0.60 over 10 executions (4 failed) in 24 h", 10L, 4L), (o.ToolName, o.Reason, o.Executions, o.Failures));
        Assert.Equal(2, analyzed);
    }

    [Fact]
    public void Select_BothRules_OneOpportunityWithBothReasonsAndTheScanWindowsNumbers()
    {
        var (opportunities, analyzed) = OpportunityRules.Select([Row("broken", 2, 18)], [Row("broken", 0, 7)], Analysis, Loop);

        var o = Assert.Single(opportunities);
        Assert.Equal(
            ("success rate 0.10 over 20 executions (18 failed) in 24 h; 7 of 7 executions failed in the last 60 min", 20L, 18L),
            (o.Reason, o.Executions, o.Failures));
        Assert.Equal(1, analyzed);
    }

    [Fact]
    public void Select_RecentRowBelowTheFailureCountOrAboveTheRate_NotAnOpportunity()
    {
        // The store returns rows by rate and attributable executions; the failure count is judged here.
        var (opportunities, _) = OpportunityRules.Select(
            [],
            [Row("four_failures", 0, 4, invalidInputs: 9), Row("recovered", 20, 5)],
            Analysis,
            Loop);

        Assert.Empty(opportunities);
    }

    [Fact]
    public void Select_RecentFailuresOfAToolBelowTheExecutionFloor_UsesTheRecentNumbers()
    {
        var (opportunities, _) = OpportunityRules.Select([], [Row("new_tool", 1, 5)], Analysis, Loop);

        var o = Assert.Single(opportunities);
        Assert.Equal(("5 of 6 executions failed in the last 60 min", 6L, 5L), (o.Reason, o.Executions, o.Failures));
    }

    [Fact]
    public void Select_MoreThanTheCap_WorstFirstThenByName()
    {
        var loop = new LoopOptions { MaxOpportunitiesPerScan = 2 };

        var (opportunities, analyzed) = OpportunityRules.Select([Row("b", 1, 9), Row("c", 5, 5), Row("a", 1, 9)], [], Analysis, loop);

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
