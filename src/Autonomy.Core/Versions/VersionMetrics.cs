using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Versions;

/// <summary>One version's executions over its live periods, from the hourly rollups.</summary>
public static class VersionMetrics
{
    /// <summary>Sums a version's rollups; <paramref name="liveTime"/> comes from its live periods.</summary>
    /// <param name="version">The version.</param>
    /// <param name="rollups">Rollups, of that version and maybe others; only the version's count.</param>
    /// <param name="liveTime">How long the version was active.</param>
    public static VersionSideMetrics From(int version, IReadOnlyList<ExecutionRollup> rollups, TimeSpan liveTime)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        var mine = rollups.Where(r => r.ToolVersion == version).ToList();
        if (mine.Count == 0)
        {
            return new VersionSideMetrics(version, 0, 0, 0, 0, 0, 0, 0, null, null, null, liveTime);
        }

        var total = mine.Skip(1).Aggregate(mine[0], (sum, r) => sum.Merge(r));

        return new VersionSideMetrics(
            version,
            total.Total,
            total.SuccessCount,
            total.ToolErrorCount,
            total.TimeoutCount,
            total.BudgetExceededCount,
            total.InvalidOutputCount,
            total.InvalidInputCount,
            total.SuccessRate,
            total.EstimatePercentile(0.5),
            total.EstimatePercentile(0.95),
            liveTime);
    }
}
