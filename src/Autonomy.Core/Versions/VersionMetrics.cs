using Autonomy.Core.Storage;

namespace Autonomy.Core.Versions;

/// <summary>One version's executions over its live periods, from the hourly rollups.</summary>
/// <param name="Version">The version.</param>
/// <param name="Executions">Every execution.</param>
/// <param name="Successes">Successes.</param>
/// <param name="ToolErrors">Tool errors (exceptions).</param>
/// <param name="Timeouts">Timeouts.</param>
/// <param name="BudgetExceeded">Budget overruns.</param>
/// <param name="InvalidOutputs">Outputs that broke the contract.</param>
/// <param name="InvalidInputs">Inputs the tool refused (the caller's fault).</param>
/// <param name="P50">Median latency, estimated from the histograms.</param>
/// <param name="P95">95th percentile latency.</param>
/// <param name="LiveTime">How long the version was active.</param>
public sealed record VersionMetrics(
    int Version,
    long Executions,
    long Successes,
    long ToolErrors,
    long Timeouts,
    long BudgetExceeded,
    long InvalidOutputs,
    long InvalidInputs,
    TimeSpan? P50,
    TimeSpan? P95,
    TimeSpan LiveTime)
{
    /// <summary>Executions that count for or against the tool (everything but invalid input).</summary>
    public long Attributable => Executions - InvalidInputs;

    /// <summary>Successes over attributable executions; null with none.</summary>
    public double? SuccessRate => Attributable == 0 ? null : (double)Successes / Attributable;

    /// <summary>Sums a version's rollups; <paramref name="liveTime"/> comes from its live periods.</summary>
    public static VersionMetrics From(int version, IReadOnlyList<ExecutionRollup> rollups, TimeSpan liveTime)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        var mine = rollups.Where(r => r.ToolVersion == version).ToList();
        if (mine.Count == 0)
        {
            return new VersionMetrics(version, 0, 0, 0, 0, 0, 0, 0, null, null, liveTime);
        }

        var total = mine.Skip(1).Aggregate(mine[0], (sum, r) => sum.Merge(r));
        return new VersionMetrics(
            version,
            total.Total,
            total.SuccessCount,
            total.ToolErrorCount,
            total.TimeoutCount,
            total.BudgetExceededCount,
            total.InvalidOutputCount,
            total.InvalidInputCount,
            total.EstimatePercentile(0.5),
            total.EstimatePercentile(0.95),
            liveTime);
    }
}
