using Autonomy.Abstractions.Grains;
using Autonomy.Grains.Tools;

namespace Autonomy.Grains.Tests;

/// <summary>The bounded metric buckets of a tool's grain, without a cluster.</summary>
public sealed class MetricsWindowTests
{
    private static readonly DateTimeOffset s_start = new(2031, 5, 6, 7, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_bucket = TimeSpan.FromMinutes(5);

    [Fact]
    public void BucketStart_MidBucket_AlignsToTheBucketSize()
    {
        Assert.Equal(s_start.AddMinutes(5), MetricsWindow.BucketStart(s_start.AddMinutes(7).AddSeconds(13), s_bucket));
    }

    [Fact]
    public void Merge_SameVersionAndBucket_AddsCounts()
    {
        var buckets = new List<MetricsBucketCounts> { new(1, s_start, 3, 1, 0, 100) };

        MetricsWindow.Merge(buckets, [new(1, s_start, 2, 0, 4, 50), new(2, s_start, 1, 0, 0, 10)]);

        Assert.Equal([new(1, s_start, 5, 1, 4, 150), new(2, s_start, 1, 0, 0, 10)], buckets);
    }

    [Fact]
    public void Trim_PastTheCaps_KeepsNewestBucketsOfTheVersionsThatMatter()
    {
        var buckets = new List<MetricsBucketCounts>();
        for (var version = 1; version <= 6; version++)
        {
            for (var i = 0; i < 5; i++)
            {
                buckets.Add(new MetricsBucketCounts(version, s_start + (s_bucket * i), 1, 0, 0, 1));
            }
        }

        MetricsWindow.Trim(buckets, bucketsPerVersion: 2, keep: [1, null]);

        Assert.Equal([1, 4, 5, 6], buckets.Select(b => b.Version).Distinct().Order());
        Assert.All(buckets.GroupBy(b => b.Version), g => Assert.Equal([s_start + (s_bucket * 3), s_start + (s_bucket * 4)], g.Select(b => b.BucketStart).Order()));
    }

    [Fact]
    public void Sum_SinceMonitoringStart_CountsOnlyLaterBuckets()
    {
        List<MetricsBucketCounts> buckets = [new(2, s_start, 10, 0, 0, 1), new(2, s_start + s_bucket, 2, 8, 1, 1), new(1, s_start + s_bucket, 9, 9, 9, 1)];

        var window = MetricsWindow.Sum(buckets, 2, s_start + s_bucket + TimeSpan.FromMinutes(1), s_bucket);

        Assert.Equal(new VersionWindow(2, 2, 8, 1, s_start + s_bucket, s_start + (s_bucket * 2)), window);
        Assert.Equal(0.2, window!.SuccessRate!.Value, 6);
        Assert.Null(MetricsWindow.Sum(buckets, 3, DateTimeOffset.MinValue, s_bucket));
    }
}
