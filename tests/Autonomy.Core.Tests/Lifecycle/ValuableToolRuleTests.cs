using Autonomy.Core.Lifecycle;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Tests.Lifecycle;

public sealed class ValuableToolRuleTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly ValuableToolRule _rule = new(new LifecycleOptions());

    [Fact]
    public void Judge_NeverRan_NotValuable()
    {
        Assert.Equal(ValuableVerdict.NotUsed, _rule.Judge(null, Now));
    }

    [Fact]
    public void Judge_ManyUsesLongAgo_ValuableForItsUses()
    {
        var verdict = _rule.Judge(new ToolUsage("t", 100, Now.AddDays(-200)), Now);

        Assert.True(verdict.IsValuable);
        Assert.Equal(["used 100 times (valuable from 100)"], verdict.Reasons);
    }

    [Fact]
    public void Judge_FewUsesWithinTheRecentDays_ValuableForItsRecency()
    {
        // The last hour ended 6 days 23 hours ago: inside the 7 days.
        var verdict = _rule.Judge(new ToolUsage("t", 3, Now.AddDays(-7)), Now);

        Assert.Equal((true, 3L, (DateTimeOffset?)Now.AddDays(-7).AddHours(1)), (verdict.IsValuable, verdict.Executions, verdict.LastUsedBy));
        Assert.Equal(["used in the last 7 days (last before 2030-05-25 13:00 UTC)"], verdict.Reasons);
    }

    [Fact]
    public void Judge_FewUsesJustOutsideTheRecentDays_NotValuable()
    {
        var verdict = _rule.Judge(new ToolUsage("t", 99, Now.AddDays(-7).AddHours(-1)), Now);

        Assert.False(verdict.IsValuable);
        Assert.Equal("not valuable", verdict.Describe());
    }

    [Fact]
    public void Judge_RecencyOff_OnlyUsesCount()
    {
        var rule = new ValuableToolRule(new LifecycleOptions { ValuableRecentDays = 0, ValuableUses = 5 });

        Assert.False(rule.Judge(new ToolUsage("t", 4, Now.AddHours(-1)), Now).IsValuable);
        Assert.Equal("used 5 times (valuable from 5)", rule.Judge(new ToolUsage("t", 5, Now.AddHours(-1)), Now).Describe());
    }
}
