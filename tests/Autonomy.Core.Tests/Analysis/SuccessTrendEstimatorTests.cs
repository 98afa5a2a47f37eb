using Autonomy.Core.Analysis;

namespace Autonomy.Core.Tests.Analysis;

/// <summary>The weighted least-squares trend of daily success rates, with its standard error.</summary>
public sealed class SuccessTrendEstimatorTests
{
    [Fact]
    public void Estimate_SteadilyFallingSeries_IsWorseningByFivePointsADay()
    {
        // 100 %, 95 %, ..., 55 %: exactly -0.05 a day.
        var days = Enumerable.Range(0, 10).Select(d => ((double)d, 100L, 100L - (5 * d))).ToList();

        var trend = SuccessTrendEstimator.Estimate(days);

        Assert.Equal(TrendDirection.Worsening, trend.Direction);
        Assert.Equal(-0.05, trend.SlopePerDay!.Value, 10);
        Assert.Equal(10, trend.Days);

        // No residual: the binomial error alone, sqrt(p(1-p)/Sxx) with p = 775.5/1001 and Sxx = 100 × 82.5.
        var p = 775.5 / 1001;
        Assert.Equal(Math.Sqrt(p * (1 - p) / 8250), trend.StandardError!.Value, 10);
    }

    [Fact]
    public void Estimate_RisingSeries_IsImproving()
    {
        var days = Enumerable.Range(0, 10).Select(d => ((double)d, 100L, 50L + (5 * d))).ToList();

        var trend = SuccessTrendEstimator.Estimate(days);

        Assert.Equal(TrendDirection.Improving, trend.Direction);
        Assert.Equal(0.05, trend.SlopePerDay!.Value, 10);
    }

    [Fact]
    public void Estimate_FlatNoisySeries_IsStable()
    {
        long[] successes = [90, 94, 88, 92, 91, 92, 90, 89, 93, 89];
        var days = successes.Select((s, d) => ((double)d, 100L, s)).ToList();

        var trend = SuccessTrendEstimator.Estimate(days);

        Assert.Equal(TrendDirection.Stable, trend.Direction);
        Assert.True(Math.Abs(trend.SlopePerDay!.Value) <= 2 * trend.StandardError!.Value);
        Assert.Equal(10, trend.Days);
    }

    [Fact]
    public void Estimate_DaysScatteringMoreThanChance_UsesResidualError()
    {
        // Large counts make the binomial error tiny; the days swing by ±20 points, so the residual error rules.
        long[] successes = [90_000, 50_000, 90_000, 50_000, 90_000, 50_000, 90_000, 50_000, 90_000, 49_000];
        var days = successes.Select((s, d) => ((double)d, 100_000L, s)).ToList();

        var trend = SuccessTrendEstimator.Estimate(days);

        Assert.Equal(TrendDirection.Stable, trend.Direction);
        Assert.True(trend.StandardError > 0.005, $"standard error {trend.StandardError}");
    }

    [Fact]
    public void Estimate_FewerThanThreeDays_IsInsufficientData()
    {
        var trend = SuccessTrendEstimator.Estimate([(0, 100, 100), (1, 100, 10)]);

        Assert.Equal(new SuccessTrend(TrendDirection.InsufficientData, null, null, 2), trend);
    }

    [Fact]
    public void Estimate_DaysWithoutAttributableExecutions_AreNotCounted()
    {
        var trend = SuccessTrendEstimator.Estimate([(0, 100, 100), (1, 0, 0), (2, 0, 0), (3, 100, 10)]);

        Assert.Equal(new SuccessTrend(TrendDirection.InsufficientData, null, null, 2), trend);
    }

    [Fact]
    public void Estimate_LargeCounts_ShrinkStandardErrorAndRevealSmallSlope()
    {
        // The same slope, -0.001 a day, from 1,000 executions a day and from 100,000 a day.
        var small = SuccessTrendEstimator.Estimate(Enumerable.Range(0, 10).Select(d => ((double)d, 1_000L, 900L - d)).ToList());
        var large = SuccessTrendEstimator.Estimate(Enumerable.Range(0, 10).Select(d => ((double)d, 100_000L, 90_000L - (100L * d))).ToList());

        Assert.Equal(-0.001, small.SlopePerDay!.Value, 10);
        Assert.Equal(-0.001, large.SlopePerDay!.Value, 10);
        Assert.InRange(large.StandardError!.Value / small.StandardError!.Value, 0.09, 0.11);
        Assert.Equal(TrendDirection.Stable, small.Direction);
        Assert.Equal(TrendDirection.Worsening, large.Direction);
    }
}
