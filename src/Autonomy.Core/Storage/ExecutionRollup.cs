using Autonomy.Abstractions.Execution;

namespace Autonomy.Core.Storage;

/// <summary>
/// One row of <c>tool_execution_rollups</c>: what one tool version did in one hour. Rollups of any window add up
/// (<see cref="Merge"/>), so analysis reads a few rows per tool instead of its executions.
/// </summary>
/// <param name="ToolName">The tool.</param>
/// <param name="ToolVersion">The version.</param>
/// <param name="BucketStart">The start of the hour (UTC).</param>
/// <param name="SuccessCount">Executions that ended in <see cref="ExecutionOutcome.Success"/>.</param>
/// <param name="ToolErrorCount">Executions that ended in <see cref="ExecutionOutcome.ToolError"/>.</param>
/// <param name="TimeoutCount">Executions that ended in <see cref="ExecutionOutcome.Timeout"/>.</param>
/// <param name="BudgetExceededCount">Executions that ended in <see cref="ExecutionOutcome.BudgetExceeded"/>.</param>
/// <param name="InvalidInputCount">Executions that ended in <see cref="ExecutionOutcome.InvalidInput"/> (the caller's fault).</param>
/// <param name="InvalidOutputCount">Executions that ended in <see cref="ExecutionOutcome.InvalidOutput"/>.</param>
/// <param name="DurationSumMicroseconds">The sum of the durations.</param>
/// <param name="DurationMinMicroseconds">The shortest duration.</param>
/// <param name="DurationMaxMicroseconds">The longest duration.</param>
/// <param name="LatencyHistogram">The counts per <see cref="ExecutionLatencyHistogram"/> bucket (<see cref="ExecutionLatencyHistogram.BucketCount"/> of them).</param>
public sealed record ExecutionRollup(
    string ToolName,
    int ToolVersion,
    DateTimeOffset BucketStart,
    int SuccessCount,
    int ToolErrorCount,
    int TimeoutCount,
    int BudgetExceededCount,
    int InvalidInputCount,
    int InvalidOutputCount,
    long DurationSumMicroseconds,
    long DurationMinMicroseconds,
    long DurationMaxMicroseconds,
    IReadOnlyList<int> LatencyHistogram)
{
    /// <summary>The width of a bucket.</summary>
    public static readonly TimeSpan BucketWidth = TimeSpan.FromHours(1);

    /// <summary>All executions in the bucket.</summary>
    public long Total => (long)SuccessCount + ToolErrorCount + TimeoutCount + BudgetExceededCount + InvalidInputCount + InvalidOutputCount;

    /// <summary>Executions that count for or against the tool: all but invalid input.</summary>
    public long Attributable => Total - InvalidInputCount;

    /// <summary>Executions that count against the tool.</summary>
    public long Failures => (long)ToolErrorCount + TimeoutCount + BudgetExceededCount + InvalidOutputCount;

    /// <summary>Successes over attributable executions, or null when there are none.</summary>
    public double? SuccessRate => Attributable == 0 ? null : (double)SuccessCount / Attributable;

    /// <summary>The mean duration, or null when the bucket is empty.</summary>
    public TimeSpan? MeanDuration => Total == 0 ? null : TimeSpan.FromMicroseconds((double)DurationSumMicroseconds / Total);

    /// <summary>The start of the bucket that holds <paramref name="time"/>.</summary>
    public static DateTimeOffset BucketOf(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % BucketWidth.Ticks), TimeSpan.Zero);

    /// <summary>Estimates a latency percentile of this bucket from its histogram.</summary>
    public TimeSpan? EstimatePercentile(double quantile) =>
        ExecutionLatencyHistogram.EstimatePercentile(LatencyHistogram.ToArray(), quantile, DurationMinMicroseconds, DurationMaxMicroseconds);

    /// <summary>Adds two rollups of the same tool version; the result keeps this one's bucket.</summary>
    public ExecutionRollup Merge(ExecutionRollup other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var histogram = LatencyHistogram.ToArray();
        ExecutionLatencyHistogram.Merge(histogram, other.LatencyHistogram.ToArray());
        return this with
        {
            SuccessCount = SuccessCount + other.SuccessCount,
            ToolErrorCount = ToolErrorCount + other.ToolErrorCount,
            TimeoutCount = TimeoutCount + other.TimeoutCount,
            BudgetExceededCount = BudgetExceededCount + other.BudgetExceededCount,
            InvalidInputCount = InvalidInputCount + other.InvalidInputCount,
            InvalidOutputCount = InvalidOutputCount + other.InvalidOutputCount,
            DurationSumMicroseconds = DurationSumMicroseconds + other.DurationSumMicroseconds,
            DurationMinMicroseconds = Math.Min(DurationMinMicroseconds, other.DurationMinMicroseconds),
            DurationMaxMicroseconds = Math.Max(DurationMaxMicroseconds, other.DurationMaxMicroseconds),
            LatencyHistogram = histogram,
        };
    }

    /// <summary>Whether two rollups hold the same numbers (the histogram compared element by element).</summary>
    public bool SameAs(ExecutionRollup other) =>
        other is not null
        && this with { LatencyHistogram = [] } == other with { LatencyHistogram = [] }
        && LatencyHistogram.SequenceEqual(other.LatencyHistogram);
}
