using Autonomy.Core.Storage;

namespace Autonomy.Storage.Postgres;

/// <summary>
/// Latency-histogram counts to add to <c>tool_execution_rollup_latency</c>, per (tool, version, hour), merged by
/// addition. Not thread-safe: each instance belongs to one transaction or sits behind
/// <see cref="PostgresDeferredLatency"/>'s lock.
/// </summary>
internal sealed class PostgresLatencyDeltas
{
    private readonly Dictionary<(string Tool, int Version, long BucketTicks), int[]> _histograms = [];

    /// <summary>The number of (tool, version, hour) rows.</summary>
    public int Count => _histograms.Count;

    /// <summary>The histograms of a batch's rollups.</summary>
    public static PostgresLatencyDeltas Of(IReadOnlyList<ExecutionRollup> rollups)
    {
        var deltas = new PostgresLatencyDeltas();
        foreach (var rollup in rollups)
        {
            var histogram = deltas.Row(rollup.ToolName, rollup.ToolVersion, rollup.BucketStart.UtcTicks);
            for (var b = 0; b < ExecutionLatencyHistogram.BucketCount && b < rollup.LatencyHistogram.Count; b++)
            {
                histogram[b] += rollup.LatencyHistogram[b];
            }
        }

        return deltas;
    }

    /// <summary>Adds <paramref name="other"/>'s counts to these.</summary>
    public void Add(PostgresLatencyDeltas other)
    {
        foreach (var ((tool, version, bucket), counts) in other._histograms)
        {
            ExecutionLatencyHistogram.Merge(Row(tool, version, bucket), counts);
        }
    }

    /// <summary>
    /// The rows as parallel arrays in key order (tool name ordinal, version, hour), the order in which every writer
    /// locks rollup rows; the histograms are concatenated, <see cref="ExecutionLatencyHistogram.BucketCount"/> each.
    /// </summary>
    public (string[] Tools, int[] Versions, DateTime[] Buckets, int[] Histograms) ToSortedArrays()
    {
        var keys = _histograms.Keys
            .OrderBy(k => k.Tool, StringComparer.Ordinal)
            .ThenBy(k => k.Version)
            .ThenBy(k => k.BucketTicks)
            .ToList();
        var tools = new string[keys.Count];
        var versions = new int[keys.Count];
        var buckets = new DateTime[keys.Count];
        var histograms = new int[keys.Count * ExecutionLatencyHistogram.BucketCount];
        for (var i = 0; i < keys.Count; i++)
        {
            var key = keys[i];
            tools[i] = key.Tool;
            versions[i] = key.Version;
            buckets[i] = new DateTime(key.BucketTicks, DateTimeKind.Utc);
            _histograms[key].CopyTo(histograms, i * ExecutionLatencyHistogram.BucketCount);
        }

        return (tools, versions, buckets, histograms);
    }

    private int[] Row(string tool, int version, long bucketTicks)
    {
        if (!_histograms.TryGetValue((tool, version, bucketTicks), out var histogram))
        {
            histogram = new int[ExecutionLatencyHistogram.BucketCount];
            _histograms.Add((tool, version, bucketTicks), histogram);
        }

        return histogram;
    }
}
