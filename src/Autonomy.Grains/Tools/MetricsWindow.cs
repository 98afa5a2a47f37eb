using Autonomy.Abstractions.Grains;

namespace Autonomy.Grains.Tools;

/// <summary>Merging, trimming and summing of the fixed metric buckets a tool's grain keeps.</summary>
internal static class MetricsWindow
{
    /// <summary>The start of the bucket that holds <paramref name="at"/>.</summary>
    public static DateTimeOffset BucketStart(DateTimeOffset at, TimeSpan bucket)
    {
        var ticks = at.UtcTicks - (at.UtcTicks % bucket.Ticks);
        return new DateTimeOffset(ticks, TimeSpan.Zero);
    }

    /// <summary>Adds counts into the buckets, merging those of the same version and bucket start.</summary>
    public static void Merge(List<MetricsBucketCounts> buckets, IEnumerable<MetricsBucketCounts> counts)
    {
        foreach (var added in counts)
        {
            var index = buckets.FindIndex(b => b.Version == added.Version && b.BucketStart == added.BucketStart);
            if (index < 0)
            {
                buckets.Add(added);
                continue;
            }

            var existing = buckets[index];
            buckets[index] = existing with
            {
                Successes = existing.Successes + added.Successes,
                ToolFailures = existing.ToolFailures + added.ToolFailures,
                InvalidInputs = existing.InvalidInputs + added.InvalidInputs,
                DurationMicroseconds = existing.DurationMicroseconds + added.DurationMicroseconds,
            };
        }
    }

    /// <summary>
    /// Keeps the newest <paramref name="bucketsPerVersion"/> buckets of the versions that matter (the ones in
    /// <paramref name="keep"/>, then the newest others up to <see cref="ToolState.MaxVersionsWithMetrics"/>).
    /// </summary>
    public static void Trim(List<MetricsBucketCounts> buckets, int bucketsPerVersion, IEnumerable<int?> keep)
    {
        var kept = keep.OfType<int>().Distinct().ToList();
        foreach (var version in buckets.Select(b => b.Version).Distinct().OrderDescending())
        {
            if (kept.Count >= ToolState.MaxVersionsWithMetrics)
            {
                break;
            }

            if (!kept.Contains(version))
            {
                kept.Add(version);
            }
        }

        var trimmed = buckets
            .Where(b => kept.Contains(b.Version))
            .GroupBy(b => b.Version)
            .SelectMany(g => g.OrderByDescending(b => b.BucketStart).Take(bucketsPerVersion))
            .OrderBy(b => b.BucketStart)
            .ThenBy(b => b.Version)
            .ToList();
        buckets.Clear();
        buckets.AddRange(trimmed);
    }

    /// <summary>The sum of one version's buckets that start at or after <paramref name="since"/>, or null when there are none.</summary>
    public static VersionWindow? Sum(IEnumerable<MetricsBucketCounts> buckets, int version, DateTimeOffset since, TimeSpan bucket)
    {
        var selected = buckets.Where(b => b.Version == version && b.BucketStart + bucket > since).ToList();
        if (selected.Count == 0)
        {
            return null;
        }

        return new VersionWindow(
            version,
            selected.Sum(b => b.Successes),
            selected.Sum(b => b.ToolFailures),
            selected.Sum(b => b.InvalidInputs),
            selected.Min(b => b.BucketStart),
            selected.Max(b => b.BucketStart) + bucket);
    }
}
