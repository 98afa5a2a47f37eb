using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.ExecutionLog;

public sealed class ExecutionLatencyHistogramTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(99, 0)]
    [InlineData(100, 1)]
    [InlineData(140, 1)]
    [InlineData(141, 2)]
    [InlineData(200, 3)]
    [InlineData(1_000_000_000, 43)]
    public void BucketOf_Boundaries(long microseconds, int bucket) =>
        Assert.Equal(bucket, ExecutionLatencyHistogram.BucketOf(microseconds));

    [Fact]
    public void EstimatePercentile_LogNormalDurations_WithinTheBucketResolution()
    {
        var random = new Random(42);
        var durations = Enumerable.Range(0, 20_000)
            .Select(_ => (long)Math.Exp(8 + (1.2 * Normal(random))))
            .ToArray();
        var rollup = ExecutionRollupAggregator.Aggregate(durations.Select((d, i) =>
            ExecutionRecords.Create("latency", duration: TimeSpan.FromMicroseconds(d), id: Guid.NewGuid()))).Single();
        var sorted = durations.Order().ToArray();
        foreach (var quantile in new[] { 0.5, 0.95, 0.99 })
        {
            var exact = sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];
            var estimate = rollup.EstimatePercentile(quantile)!.Value.TotalMicroseconds;
            Assert.InRange(estimate / exact, 1 / 1.19, 1.19);
        }
    }

    [Fact]
    public void Merge_TwoRollups_AddsCountsAndHistograms()
    {
        var first = ExecutionRollupAggregator.Aggregate([ExecutionRecords.Create("m", duration: TimeSpan.FromMilliseconds(1))]).Single();
        var second = ExecutionRollupAggregator.Aggregate([ExecutionRecords.Create("m", duration: TimeSpan.FromMilliseconds(9))]).Single();
        var merged = first.Merge(second);
        Assert.Equal(2, merged.SuccessCount);
        Assert.Equal(1_000, merged.DurationMinMicroseconds);
        Assert.Equal(9_000, merged.DurationMaxMicroseconds);
        Assert.Equal(10_000, merged.DurationSumMicroseconds);
        Assert.Equal(2, merged.LatencyHistogram.Sum());
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
