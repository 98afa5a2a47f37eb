using Autonomy.Abstractions.Grains;

namespace Autonomy.Core.Monitoring;

/// <summary>
/// The counts a regression detector compares: the baseline (previous) version's judged executions and the new
/// version's judged executions since it went live. Judged executions are successes plus failures that count against
/// the tool; invalid input is the caller's fault and is left out of both.
/// </summary>
/// <param name="BaselineSuccesses">The baseline version's successes.</param>
/// <param name="BaselineJudged">The baseline version's judged executions.</param>
/// <param name="CurrentSuccesses">The new version's successes.</param>
/// <param name="CurrentJudged">The new version's judged executions.</param>
/// <param name="BaselineVersion">The baseline version's number, for the reason text; optional.</param>
/// <param name="CurrentVersion">The new version's number, for the reason text; optional.</param>
public sealed record RegressionEvidence(
    long BaselineSuccesses,
    long BaselineJudged,
    long CurrentSuccesses,
    long CurrentJudged,
    int? BaselineVersion = null,
    int? CurrentVersion = null)
{
    /// <summary>The baseline's success rate, or null with no judged executions.</summary>
    public double? BaselineRate => BaselineJudged == 0 ? null : (double)BaselineSuccesses / BaselineJudged;

    /// <summary>The new version's success rate, or null with no judged executions.</summary>
    public double? CurrentRate => CurrentJudged == 0 ? null : (double)CurrentSuccesses / CurrentJudged;

    /// <summary>The evidence of two version windows as the tool grain sums them; a missing window counts as empty.</summary>
    /// <param name="baseline">The baseline version's window.</param>
    /// <param name="current">The new version's window since monitoring started.</param>
    public static RegressionEvidence From(VersionWindow? baseline, VersionWindow? current) => new(
        baseline?.Successes ?? 0,
        baseline?.Judged ?? 0,
        current?.Successes ?? 0,
        current?.Judged ?? 0,
        baseline?.Version,
        current?.Version);

    /// <summary>Throws when a count is negative or successes exceed judged executions.</summary>
    internal void ThrowIfInvalid()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(BaselineSuccesses);
        ArgumentOutOfRangeException.ThrowIfNegative(CurrentSuccesses);
        ArgumentOutOfRangeException.ThrowIfLessThan(BaselineJudged, BaselineSuccesses);
        ArgumentOutOfRangeException.ThrowIfLessThan(CurrentJudged, CurrentSuccesses);
    }
}
