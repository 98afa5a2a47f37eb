using Autonomy.Abstractions.Execution;

namespace Autonomy.Core.Storage;

/// <summary>
/// Aggregates execution records into hourly rollups in memory. A sink adds the result of one batch to the
/// stored rollups in the same transaction as the batch's rows.
/// </summary>
public static class ExecutionRollupAggregator
{
    /// <summary>
    /// The rollups of <paramref name="records"/>, ordered by tool name (ordinal), version and bucket: every
    /// writer upserts rows in this one order, which keeps concurrent writers from deadlocking on them.
    /// </summary>
    public static IReadOnlyList<ExecutionRollup> Aggregate(IEnumerable<ExecutionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var buckets = new Dictionary<(string Tool, int Version, long Bucket), Accumulator>();
        foreach (var record in records)
        {
            var key = (record.ToolName, record.ToolVersion, ExecutionRollup.BucketOf(record.StartedAt).UtcTicks);
            if (!buckets.TryGetValue(key, out var accumulator))
            {
                accumulator = new Accumulator();
                buckets.Add(key, accumulator);
            }

            accumulator.Add(record);
        }

        return buckets
            .OrderBy(b => b.Key.Tool, StringComparer.Ordinal)
            .ThenBy(b => b.Key.Version)
            .ThenBy(b => b.Key.Bucket)
            .Select(b => b.Value.ToRollup(b.Key.Tool, b.Key.Version, new DateTimeOffset(b.Key.Bucket, TimeSpan.Zero)))
            .ToList();
    }

    private sealed class Accumulator
    {
        private readonly int[] _counts = new int[6];
        private readonly int[] _histogram = new int[ExecutionLatencyHistogram.BucketCount];
        private long _sum;
        private long _min = long.MaxValue;
        private long _max = long.MinValue;

        public void Add(ExecutionRecord record)
        {
            var outcome = (int)record.Outcome;
            if ((uint)outcome < (uint)_counts.Length)
            {
                _counts[outcome]++;
            }

            var duration = record.DurationMicroseconds;
            _sum += duration;
            _min = Math.Min(_min, duration);
            _max = Math.Max(_max, duration);
            _histogram[ExecutionLatencyHistogram.BucketOf(duration)]++;
        }

        public ExecutionRollup ToRollup(string tool, int version, DateTimeOffset bucket) => new(
            tool,
            version,
            bucket,
            _counts[(int)ExecutionOutcome.Success],
            _counts[(int)ExecutionOutcome.ToolError],
            _counts[(int)ExecutionOutcome.Timeout],
            _counts[(int)ExecutionOutcome.BudgetExceeded],
            _counts[(int)ExecutionOutcome.InvalidInput],
            _counts[(int)ExecutionOutcome.InvalidOutput],
            _sum,
            _min,
            _max,
            _histogram);
    }
}
