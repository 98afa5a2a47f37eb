using Autonomy.Core.Analysis;

namespace Autonomy.Core.Tests.Analysis;

/// <summary>The Wilson score interval against values computed by hand from its formula.</summary>
public sealed class RateIntervalTests
{
    [Fact]
    public void Wilson_EightOfTen_MatchesKnownInterval()
    {
        var interval = RateInterval.Wilson(8, 10);

        Assert.Equal(8, interval.Successes);
        Assert.Equal(10, interval.Trials);
        Assert.Equal(0.8, interval.Rate!.Value, 12);
        Assert.Equal(0.4902, interval.Low, 4);
        Assert.Equal(0.9433, interval.High, 4);
    }

    [Fact]
    public void Wilson_NoTrials_IsUnknownRateOverWholeRange()
    {
        var interval = RateInterval.Wilson(0, 0);

        Assert.Equal(new RateInterval(0, 0, null, 0, 1), interval);
    }

    [Fact]
    public void Wilson_NoneOfTwenty_StartsAtZeroAndEndsNearPointOneSix()
    {
        var interval = RateInterval.Wilson(0, 20);

        Assert.Equal(0, interval.Rate);
        Assert.Equal(0, interval.Low, 12);
        Assert.Equal(0.1611, interval.High, 4);
    }

    [Fact]
    public void Wilson_AllOfTwenty_EndsAtOneAndStartsNearPointEightFour()
    {
        var interval = RateInterval.Wilson(20, 20);

        Assert.Equal(1, interval.Rate);
        Assert.Equal(0.8389, interval.Low, 4);
        Assert.Equal(1, interval.High, 12);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(1, 3)]
    [InlineData(999_999, 1_000_000)]
    [InlineData(1, 1_000_000)]
    public void Wilson_AnyCounts_StaysInsideUnitIntervalAroundRate(long successes, long trials)
    {
        var interval = RateInterval.Wilson(successes, trials);

        Assert.InRange(interval.Low, 0, interval.Rate!.Value);
        Assert.InRange(interval.High, interval.Rate.Value, 1);
    }

    [Fact]
    public void Wilson_MoreTrials_NarrowsInterval()
    {
        var small = RateInterval.Wilson(80, 100);
        var large = RateInterval.Wilson(8_000, 10_000);

        // The width shrinks with the square root of the trials: about ten times narrower for a hundred times more.
        Assert.InRange((large.High - large.Low) / (small.High - small.Low), 0.09, 0.11);
    }

    [Fact]
    public void Wilson_MoreSuccessesThanTrials_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RateInterval.Wilson(11, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => RateInterval.Wilson(-1, 10));
    }
}
