using Autonomy.Core.Analysis;

namespace Autonomy.Core.Tests.Analysis;

/// <summary>The single strongest rise of a failure rate, by a Bernoulli likelihood-ratio test.</summary>
public sealed class ChangePointDetectorTests
{
    private const double Threshold = AnalysisOptions.DefaultChangePointThreshold;

    [Fact]
    public void FindRise_RiseAtKnownBucket_IsFoundAtThatBucketWithItsCounts()
    {
        // 12 hours at 2 % failures, then 8 hours at 40 %.
        var buckets = Enumerable.Range(0, 20).Select(i => (100L, i < 12 ? 2L : 40L)).ToList();

        var change = ChangePointDetector.FindRise(buckets, Threshold);

        Assert.NotNull(change);
        Assert.Equal(12, change.Index);
        Assert.Equal((1_200L, 24L, 800L, 320L), (change.ExecutionsBefore, change.FailuresBefore, change.ExecutionsAfter, change.FailuresAfter));
        Assert.Equal(0.02, change.RateBefore, 12);
        Assert.Equal(0.4, change.RateAfter, 12);
        Assert.Equal(ExpectedRatio(24, 1_200, 320, 800), change.LikelihoodRatio, 8);
    }

    [Fact]
    public void FindRise_ConstantRate_IsNull()
    {
        var buckets = Enumerable.Range(0, 48).Select(_ => (50L, 5L)).ToList();

        Assert.Null(ChangePointDetector.FindRise(buckets, Threshold));
        Assert.Null(ChangePointDetector.FindRise(buckets, 0));
    }

    [Fact]
    public void FindRise_Fall_IsNotReportedAsRise()
    {
        var buckets = Enumerable.Range(0, 20).Select(i => (100L, i < 12 ? 40L : 2L)).ToList();

        Assert.Null(ChangePointDetector.FindRise(buckets, Threshold));
        Assert.Null(ChangePointDetector.FindRise(buckets, 0));
    }

    [Fact]
    public void FindRise_FewerThanMinimumOnOneSide_IsNull()
    {
        // Four executions before the rise: one short of the minimum per side.
        List<(long, long)> buckets = [(ChangePointDetector.MinimumPerSide - 1, 0), (100, 100)];

        Assert.Null(ChangePointDetector.FindRise(buckets, 0));
    }

    [Fact]
    public void FindRise_ExactlyMinimumOnEachSide_IsFound()
    {
        List<(long, long)> buckets = [(ChangePointDetector.MinimumPerSide, 0), (ChangePointDetector.MinimumPerSide, ChangePointDetector.MinimumPerSide)];

        var change = ChangePointDetector.FindRise(buckets, 0);

        Assert.NotNull(change);
        Assert.Equal(1, change.Index);

        // Two pure sides against one 50 % rate: 2 × 10 × ln 2.
        Assert.Equal(20 * Math.Log(2), change.LikelihoodRatio, 10);
    }

    [Fact]
    public void FindRise_BelowThreshold_IsNull()
    {
        List<(long, long)> buckets = [(5, 0), (5, 5)];

        Assert.Null(ChangePointDetector.FindRise(buckets, (20 * Math.Log(2)) + 0.001));
    }

    [Fact]
    public void FindRise_EmptyBucketAfterSplit_IsSkipped()
    {
        // The rise shows in bucket 2; bucket 1 is empty, so the split lands on the first bucket with executions.
        List<(long, long)> buckets = [(100, 1), (0, 0), (100, 60), (100, 60)];

        var change = ChangePointDetector.FindRise(buckets, Threshold);

        Assert.NotNull(change);
        Assert.Equal(2, change.Index);
    }

    private static double ExpectedRatio(long f1, long n1, long f2, long n2)
    {
        static double L(long f, long n) => (f * Math.Log((double)f / n)) + ((n - f) * Math.Log(1 - ((double)f / n)));
        return 2 * (L(f1, n1) + L(f2, n2) - L(f1 + f2, n1 + n2));
    }
}
