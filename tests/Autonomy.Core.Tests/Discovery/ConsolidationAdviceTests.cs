using Autonomy.Core.Discovery;

namespace Autonomy.Core.Tests.Discovery;

/// <summary>Which of two duplicates to keep.</summary>
public sealed class ConsolidationAdviceTests
{
    private static readonly DateTimeOffset Day = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Recommend_ClearlyMoreReliable_KeepsItEvenWhenLessUsed()
    {
        var reliable = Facts("slugify", executions: 100, successRate: 0.99);
        var popular = Facts("make_slug", executions: 10_000, successRate: 0.80);

        var advice = ConsolidationAdvice.Recommend(popular, reliable);

        Assert.Equal(new ConsolidationRecommendation("slugify", "make_slug", "slugify succeeds 99% of the time against 80% for make_slug."), advice);
    }

    [Fact]
    public void Recommend_SuccessRatesWithTooFewExecutions_DecidesOnUsage()
    {
        var fresh = Facts("fresh", executions: 5, successRate: 1.0);
        var used = Facts("used", executions: 400, successRate: 0.7);

        var advice = ConsolidationAdvice.Recommend(fresh, used);

        Assert.Equal(new ConsolidationRecommendation("used", "fresh", "used has run 400 times against 5 for fresh: fewer callers to move."), advice);
    }

    [Fact]
    public void Recommend_AlikeReliabilityAndUsage_KeepsTheMoreRecentlyUsed()
    {
        var recent = Facts("recent", lastUsed: Day);
        var stale = Facts("stale", lastUsed: Day.AddDays(-90));

        var advice = ConsolidationAdvice.Recommend(stale, recent);

        Assert.Equal(new ConsolidationRecommendation("recent", "stale", "recent was used more recently (2026-06-01 against 2026-03-03)."), advice);
    }

    [Fact]
    public void Recommend_AlikeUsage_KeepsTheOlderName()
    {
        var older = Facts("unit_convert", created: Day.AddYears(-1));
        var newer = Facts("convert_units", created: Day);

        var advice = ConsolidationAdvice.Recommend(newer, older);

        Assert.Equal("unit_convert", advice.Keep);
        Assert.Equal("Usage is alike; unit_convert is the older name (2025-06-01), so callers are likelier to know it.", advice.Reason);
    }

    [Fact]
    public void Recommend_NothingKnownApart_KeepsTheFirstNameInOrdinalOrder()
    {
        var advice = ConsolidationAdvice.Recommend(Facts("b_tool"), Facts("a_tool"));

        Assert.Equal(new ConsolidationRecommendation("a_tool", "b_tool", "Nothing separates them; a_tool comes first by name."), advice);
    }

    [Fact]
    public void Recommend_SameTool_Throws()
    {
        Assert.Throws<ArgumentException>(() => ConsolidationAdvice.Recommend(Facts("x"), Facts("x")));
    }

    private static ToolUsageFacts Facts(string name, long executions = 100, double successRate = 0.95, DateTimeOffset? lastUsed = null, int versions = 2, DateTimeOffset? created = null)
        => new(name, executions, successRate, lastUsed ?? Day, versions, created ?? Day);
}
