using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;

namespace Autonomy.Grains.Tools;

/// <summary>
/// The baseline a monitoring session compares a new version with: the replaced version's successes and judged
/// executions (successes and tool failures; invalid input is the caller's fault) over the baseline window (the
/// seed's 7 days). The hourly rollups hold the whole window; the grain's own buckets hold the last day and include
/// executions the execution log has not written yet. The larger of the two is the better estimate.
/// </summary>
internal static class MonitoringBaseline
{
    /// <summary>Reads the baseline of <paramref name="version"/> at <paramref name="now"/>.</summary>
    public static async Task<(long Successes, long Judged)> ReadAsync(
        IExecutionStore executions, string toolName, int version, IEnumerable<MetricsBucketCounts> buckets, TimeSpan window, TimeSpan bucket, DateTimeOffset now)
    {
        var rollups = await executions.ReadRollupsAsync(toolName, version, now - window, now + ExecutionRollup.BucketWidth);
        long storedSuccesses = rollups.Sum(r => (long)r.SuccessCount);
        long storedJudged = rollups.Sum(r => r.Attributable);
        var kept = MetricsWindow.Sum(buckets, version, now - window, bucket);
        return kept is not null && kept.Judged > storedJudged ? (kept.Successes, kept.Judged) : (storedSuccesses, storedJudged);
    }
}
