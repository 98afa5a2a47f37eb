using Autonomy.Abstractions.Execution;

namespace Autonomy.Core.Storage;

/// <summary>
/// Aggregates execution records into hourly rollups, and hourly rollups into daily ones, in memory. A sink adds
/// the result of one batch to the stored rollups in the same transaction as the batch's rows.
/// </summary>
public static class ExecutionRollupAggregator
{
    /// <summary>The width of a daily rollup: one UTC day.</summary>
    public static readonly TimeSpan DayWidth = TimeSpan.FromDays(1);

    /// <summary>The UTC midnight that starts the day holding <paramref name="time"/>.</summary>
    public static DateTimeOffset DayOf(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % DayWidth.Ticks), TimeSpan.Zero);

    /// <summary>
    /// Splits a scan window into what the stores read: the whole UTC days inside it from the daily rollups, and the
    /// partial-day edges from the hourly ones. The hourly rows the window covers are those with
    /// <c>BucketOf(from) &lt;= bucket_start &lt; to</c> (the hour holding <paramref name="from"/> is included);
    /// with d0 = <paramref name="from"/> rounded up to a day and d1 = <paramref name="to"/> rounded down, when
    /// d0 &lt;= d1 those are exactly the hourly rows in [BucketOf(from), d0) and [d1, to) plus the daily rows in
    /// [d0, d1); otherwise (a window within one day) only the hourly rows in [BucketOf(from), to).
    /// </summary>
    public static RollupScanRanges ScanRanges(DateTimeOffset from, DateTimeOffset to)
    {
        var start = ExecutionRollup.BucketOf(from);
        var dayTicks = DayWidth.Ticks;
        var fromTicks = from.UtcTicks;
        var d1 = DayOf(to);
        var remainder = fromTicks % dayTicks;
        if (remainder == 0 || fromTicks - remainder <= DateTimeOffset.MaxValue.UtcTicks - dayTicks)
        {
            var d0 = new DateTimeOffset(remainder == 0 ? fromTicks : fromTicks - remainder + dayTicks, TimeSpan.Zero);
            if (d0 <= d1)
            {
                return new RollupScanRanges(d0, d1, start, d0, d1, to);
            }
        }

        return new RollupScanRanges(d1, d1, start, to, to, to);
    }

    /// <summary>
    /// The daily rollups (<c>tool_execution_daily_rollups</c>) of <paramref name="hourly"/>: one per tool, version
    /// and UTC day, <see cref="ExecutionRollup.BucketStart"/> holding the day's midnight, counts and duration sum
    /// added, minimum and maximum combined, and no latency histogram (empty). Ordered by tool name (ordinal),
    /// version and day, the one order every writer upserts them in.
    /// </summary>
    public static IReadOnlyList<ExecutionRollup> AggregateDaily(IReadOnlyList<ExecutionRollup> hourly)
    {
        ArgumentNullException.ThrowIfNull(hourly);
        var days = new List<ExecutionRollup>();
        ExecutionRollup? current = null;
        foreach (var rollup in hourly.Order(KeyOrder.Instance))
        {
            var day = DayOf(rollup.BucketStart);
            if (current is not null
                && current.BucketStart == day
                && current.ToolVersion == rollup.ToolVersion
                && string.Equals(current.ToolName, rollup.ToolName, StringComparison.Ordinal))
            {
                current = current with
                {
                    SuccessCount = current.SuccessCount + rollup.SuccessCount,
                    ToolErrorCount = current.ToolErrorCount + rollup.ToolErrorCount,
                    TimeoutCount = current.TimeoutCount + rollup.TimeoutCount,
                    BudgetExceededCount = current.BudgetExceededCount + rollup.BudgetExceededCount,
                    InvalidInputCount = current.InvalidInputCount + rollup.InvalidInputCount,
                    InvalidOutputCount = current.InvalidOutputCount + rollup.InvalidOutputCount,
                    DurationSumMicroseconds = current.DurationSumMicroseconds + rollup.DurationSumMicroseconds,
                    DurationMinMicroseconds = Math.Min(current.DurationMinMicroseconds, rollup.DurationMinMicroseconds),
                    DurationMaxMicroseconds = Math.Max(current.DurationMaxMicroseconds, rollup.DurationMaxMicroseconds),
                };
                continue;
            }

            if (current is not null)
            {
                days.Add(current);
            }

            current = rollup with { BucketStart = day, LatencyHistogram = [] };
        }

        if (current is not null)
        {
            days.Add(current);
        }

        return days;
    }

    /// <summary>
    /// The rollups of <paramref name="records"/>, ordered by tool name (ordinal), version and bucket: every
    /// writer upserts rows in this one order, which keeps concurrent writers from deadlocking on them.
    /// </summary>
    public static IReadOnlyList<ExecutionRollup> Aggregate(IEnumerable<ExecutionRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var buckets = new Dictionary<(string Tool, int Version, long Bucket), Accumulator>();

        // A batch is mostly runs of one tool's executions within one hour: the previous row's bucket is tried first.
        (string Tool, int Version, long Bucket) previousKey = default;
        Accumulator? previous = null;
        foreach (var record in records)
        {
            (string Tool, int Version, long Bucket) key = (record.ToolName, record.ToolVersion, ExecutionRollup.BucketOf(record.StartedAt).UtcTicks);
            if (previous is null || key.Bucket != previousKey.Bucket || key.Version != previousKey.Version
                || !string.Equals(key.Tool, previousKey.Tool, StringComparison.Ordinal))
            {
                if (!buckets.TryGetValue(key, out previous))
                {
                    previous = new Accumulator();
                    buckets.Add(key, previous);
                }

                previousKey = key;
            }

            previous.Add(record);
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

    /// <summary>Tool name (ordinal), version, bucket: the order of <see cref="Aggregate"/>'s result.</summary>
    private sealed class KeyOrder : IComparer<ExecutionRollup>
    {
        public static readonly KeyOrder Instance = new();

        public int Compare(ExecutionRollup? x, ExecutionRollup? y)
        {
            if (ReferenceEquals(x, y))
            {
                return 0;
            }

            if (x is null)
            {
                return -1;
            }

            if (y is null)
            {
                return 1;
            }

            var byName = string.CompareOrdinal(x.ToolName, y.ToolName);
            if (byName != 0)
            {
                return byName;
            }

            var byVersion = x.ToolVersion.CompareTo(y.ToolVersion);
            return byVersion != 0 ? byVersion : x.BucketStart.CompareTo(y.BucketStart);
        }
    }
}

/// <summary>
/// What a scan window reads (<see cref="ExecutionRollupAggregator.ScanRanges"/>): daily rows with
/// <c>DailyFrom &lt;= day_start &lt; DailyTo</c>, and hourly rows with <c>HeadFrom &lt;= bucket_start &lt; HeadTo</c>
/// or <c>TailFrom &lt;= bucket_start &lt; TailTo</c>. Every range is half-open, and any of them may be empty.
/// </summary>
/// <param name="DailyFrom">The first whole day (UTC midnight).</param>
/// <param name="DailyTo">The end of the whole days (UTC midnight), exclusive.</param>
/// <param name="HeadFrom">The hour holding the window's start.</param>
/// <param name="HeadTo">The end of the leading partial day, exclusive.</param>
/// <param name="TailFrom">The start of the trailing partial day.</param>
/// <param name="TailTo">The window's end, exclusive.</param>
public readonly record struct RollupScanRanges(
    DateTimeOffset DailyFrom,
    DateTimeOffset DailyTo,
    DateTimeOffset HeadFrom,
    DateTimeOffset HeadTo,
    DateTimeOffset TailFrom,
    DateTimeOffset TailTo);
