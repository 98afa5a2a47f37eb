using Autonomy.Core.Storage;
using static Autonomy.Core.Analysis.FindingText;

namespace Autonomy.Core.Analysis;

/// <summary>
/// Finds when a tool started failing, from its hourly rollups (all versions, in time order), and ties the onset to
/// a version's deploy when one coincides: a deploy event in the hour before the onset's hour or in it, or else the
/// version's first executions starting in the onset's hour.
/// </summary>
public static class OnsetFinder
{
    /// <summary>The fewest failures of a version, failing from its start, before its start is reported as the onset.</summary>
    public const int MinimumFailuresSinceStart = 5;

    /// <summary>The onset, or null.</summary>
    /// <param name="rollups">The tool's hourly rollups in the window, every version.</param>
    /// <param name="deploys">When each version went live, from deploy and rollback events (newest last is not required).</param>
    /// <param name="investigated">The version under investigation, or null.</param>
    /// <param name="threshold">The likelihood-ratio statistic a change point needs.</param>
    public static FailureOnset? Find(IReadOnlyList<ExecutionRollup> rollups, IReadOnlyList<(int Version, DateTimeOffset At)> deploys, int? investigated, double threshold)
    {
        ArgumentNullException.ThrowIfNull(rollups);
        ArgumentNullException.ThrowIfNull(deploys);
        var hours = rollups
            .GroupBy(r => r.BucketStart)
            .OrderBy(g => g.Key)
            .Select(g => (Start: g.Key, Executions: g.Sum(r => r.Attributable), Failures: g.Sum(r => r.Failures)))
            .ToList();
        var firstSeen = rollups.GroupBy(r => r.ToolVersion).ToDictionary(g => g.Key, g => g.Min(r => r.BucketStart));

        if (ChangePointDetector.FindRise(hours.Select(h => (h.Executions, h.Failures)).ToList(), threshold) is { } change)
        {
            var at = hours[change.Index].Start;
            var previous = hours[change.Index - 1].Start;
            var (version, deployedAt) = Coinciding(at, previous, deploys, firstSeen);
            var rates = Rates(change.RateBefore, change.FailuresBefore, change.ExecutionsBefore, change.RateAfter, change.FailuresAfter, change.ExecutionsAfter);
            var description = version is null
                ? Invariant($"failures began in the hour of {at:yyyy-MM-dd HH:mm} UTC: {rates}; no deploy coincides")
                : Invariant($"regression introduced by version {version} (live from {deployedAt:yyyy-MM-dd HH:mm} UTC): {rates}");
            return new FailureOnset(OnsetMethod.ChangePoint, at, change.RateBefore, change.RateAfter, change.ExecutionsBefore, change.ExecutionsAfter, change.LikelihoodRatio, version, deployedAt, description);
        }

        if (investigated is not { } current || !firstSeen.TryGetValue(current, out var start))
        {
            return null;
        }

        var own = rollups.Where(r => r.ToolVersion == current).ToList();
        long executions = own.Sum(r => r.Attributable), failures = own.Sum(r => r.Failures);
        if (failures < MinimumFailuresSinceStart)
        {
            return null;
        }

        var live = deploys.Where(d => d.Version == current && d.At <= start + ExecutionRollup.BucketWidth).Select(d => (DateTimeOffset?)d.At).DefaultIfEmpty(null).Max() ?? start;
        var rate = (double)failures / executions;
        return new FailureOnset(
            OnsetMethod.SinceVersionStart,
            start,
            0,
            rate,
            0,
            executions,
            0,
            current,
            live,
            Invariant($"version {current} has failed since it went live ({live:yyyy-MM-dd HH:mm} UTC): {Percent(rate)} of its executions ({failures} of {executions}), with no change point in the window"));
    }

    private static (int? Version, DateTimeOffset? At) Coinciding(DateTimeOffset onset, DateTimeOffset previousHour, IReadOnlyList<(int Version, DateTimeOffset At)> deploys, Dictionary<int, DateTimeOffset> firstSeen)
    {
        // A deploy between the last hour at the old rate and the end of the first hour at the new one.
        var deploy = deploys
            .Where(d => d.At >= previousHour && d.At < onset + ExecutionRollup.BucketWidth)
            .OrderByDescending(d => d.At)
            .Select(d => ((int Version, DateTimeOffset At)?)d)
            .FirstOrDefault();
        if (deploy is { } found)
        {
            return (found.Version, found.At);
        }

        var started = firstSeen.Where(v => v.Value == onset).Select(v => (int?)v.Key).Max();
        return started is null ? (null, null) : (started, onset);
    }

    private static string Rates(double before, long failuresBefore, long executionsBefore, double after, long failuresAfter, long executionsAfter) =>
        Invariant($"failure rate {Percent(before)} before ({failuresBefore} of {executionsBefore}), {Percent(after)} after ({failuresAfter} of {executionsAfter})");
}
