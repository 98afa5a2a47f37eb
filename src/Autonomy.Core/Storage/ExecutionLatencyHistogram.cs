namespace Autonomy.Core.Storage;

/// <summary>
/// The fixed log-scale latency buckets of the rollups. Bucket 0 holds durations under 100 µs; bucket
/// <c>i</c> (1 to 42) holds <c>[Bound(i - 1), Bound(i))</c> where <c>Bound(k)</c> is 100 µs × 2^(k/2), rounded to
/// whole microseconds; bucket 43 holds everything from about 210 s. Half-octave buckets bound the error of a
/// percentile estimated from the counts alone to about ±19 % (√2), and the counts of any number of rollups merge
/// by addition, so p50/p95/p99 over any window come from rollups without reading executions.
/// </summary>
public static class ExecutionLatencyHistogram
{
    /// <summary>The number of buckets.</summary>
    public const int BucketCount = 44;

    /// <summary>The upper bound of bucket 0, in microseconds.</summary>
    public const long FirstBoundMicroseconds = 100;

    private static readonly long[] Bounds = CreateBounds();

    /// <summary>The bucket a duration falls in.</summary>
    public static int BucketOf(long durationMicroseconds)
    {
        // The number of bounds at or below the duration.
        var index = Array.BinarySearch(Bounds, durationMicroseconds);
        return index >= 0 ? index + 1 : ~index;
    }

    /// <summary>The inclusive lower bound of a bucket in microseconds (0 for bucket 0).</summary>
    public static long LowerBound(int bucket) => bucket <= 0 ? 0 : Bounds[Math.Min(bucket, BucketCount - 1) - 1];

    /// <summary>The exclusive upper bound of a bucket in microseconds, or <see cref="long.MaxValue"/> for the last.</summary>
    public static long UpperBound(int bucket) => bucket >= BucketCount - 1 ? long.MaxValue : Bounds[Math.Max(bucket, 0)];

    /// <summary>Adds <paramref name="source"/> into <paramref name="target"/> element by element.</summary>
    public static void Merge(Span<int> target, ReadOnlySpan<int> source)
    {
        var length = Math.Min(target.Length, source.Length);
        for (var i = 0; i < length; i++)
        {
            target[i] += source[i];
        }
    }

    /// <summary>
    /// Estimates a percentile from bucket counts: finds the bucket holding the rank and interpolates
    /// geometrically inside it, clamped to the observed minimum and maximum.
    /// </summary>
    /// <param name="counts">The bucket counts.</param>
    /// <param name="quantile">The quantile, 0 to 1 (0.95 for p95).</param>
    /// <param name="minMicroseconds">The smallest duration observed.</param>
    /// <param name="maxMicroseconds">The largest duration observed.</param>
    /// <returns>The estimate, or null when the counts are all zero.</returns>
    public static TimeSpan? EstimatePercentile(ReadOnlySpan<int> counts, double quantile, long minMicroseconds, long maxMicroseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1.0);

        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        if (total == 0)
        {
            return null;
        }

        var rank = Math.Max(1.0, Math.Ceiling(quantile * total));
        long cumulative = 0;
        for (var bucket = 0; bucket < counts.Length; bucket++)
        {
            if (counts[bucket] == 0)
            {
                continue;
            }

            if (cumulative + counts[bucket] >= rank)
            {
                var low = Math.Max(LowerBound(bucket), minMicroseconds);
                var high = Math.Min(UpperBound(bucket), maxMicroseconds);
                if (high <= low)
                {
                    return TimeSpan.FromMicroseconds(Math.Clamp(low, minMicroseconds, maxMicroseconds));
                }

                var fraction = (rank - cumulative) / counts[bucket];
                var estimate = low <= 0
                    ? low + ((high - low) * fraction)
                    : low * Math.Pow((double)high / low, fraction);
                return TimeSpan.FromMicroseconds(Math.Clamp(Math.Round(estimate), minMicroseconds, maxMicroseconds));
            }

            cumulative += counts[bucket];
        }

        return TimeSpan.FromMicroseconds(maxMicroseconds);
    }

    private static long[] CreateBounds()
    {
        var bounds = new long[BucketCount - 1];
        for (var k = 0; k < bounds.Length; k++)
        {
            bounds[k] = (long)Math.Round(FirstBoundMicroseconds * Math.Pow(2, k / 2.0));
        }

        return bounds;
    }
}
