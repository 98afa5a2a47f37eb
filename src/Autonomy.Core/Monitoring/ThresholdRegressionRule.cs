using static Autonomy.Core.Monitoring.MonitoringText;

namespace Autonomy.Core.Monitoring;

/// <summary>
/// The seed's rule: with at least <see cref="MinimumExecutions"/> judged executions on each side, a regression is a
/// success rate that fell by <see cref="ThresholdPoints"/> percentage points or more. The points are absolute: 95 %
/// to 80 % is a drop of 15 points, not of 15 % of 95 %. It ignores how many executions stand behind each rate, so
/// under repeated checks a healthy version is rolled back by chance (4.6 to 7.7 % of simulated healthy deploys at
/// 95 % success, mostly at the tenth execution: docs/decisions/0013-sequential-monitoring.md); it is kept for
/// comparison and for operators who want the old behaviour. It never answers <see cref="RegressionVerdict.Healthy"/>.
/// </summary>
public sealed class ThresholdRegressionRule : IRegressionDetector
{
    // A drop computed as 95 % − 80 % is 14.999999999999998 points in floating point; the seed means 15 to count.
    private const double Tolerance = 1e-9;

    /// <summary>Creates the rule.</summary>
    /// <param name="minimumExecutions">The fewest judged executions on each side before the rule judges.</param>
    /// <param name="thresholdPoints">The drop, in absolute percentage points, that is a regression.</param>
    public ThresholdRegressionRule(
        int minimumExecutions = MonitoringOptions.DefaultMinimumExecutions,
        double thresholdPoints = MonitoringOptions.DefaultRegressionThresholdPoints)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumExecutions, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(thresholdPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(thresholdPoints, 100);
        MinimumExecutions = minimumExecutions;
        ThresholdPoints = thresholdPoints;
    }

    /// <summary>The method's configuration name.</summary>
    public const string MethodName = "threshold";

    /// <inheritdoc />
    public string Name => MethodName;

    /// <summary>The fewest judged executions on each side before the rule judges.</summary>
    public int MinimumExecutions { get; }

    /// <summary>The drop, in absolute percentage points, that is a regression.</summary>
    public double ThresholdPoints { get; }

    /// <inheritdoc />
    public RegressionDecision Evaluate(RegressionEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        evidence.ThrowIfInvalid();
        if (evidence.BaselineJudged < MinimumExecutions)
        {
            return new RegressionDecision(RegressionVerdict.Continue, 0, ThresholdPoints, Invariant(
                $"baseline too small: {Version(evidence.BaselineVersion, "the baseline")} has {evidence.BaselineJudged} judged executions, {MinimumExecutions} needed"));
        }

        if (evidence.CurrentJudged < MinimumExecutions)
        {
            return new RegressionDecision(RegressionVerdict.Continue, 0, ThresholdPoints, Invariant(
                $"{Version(evidence.CurrentVersion, "the new version")} has {evidence.CurrentJudged} of the {MinimumExecutions} judged executions needed"));
        }

        var drop = (evidence.BaselineRate!.Value - evidence.CurrentRate!.Value) * 100;
        var regression = drop >= ThresholdPoints - Tolerance;
        return new RegressionDecision(
            regression ? RegressionVerdict.Regression : RegressionVerdict.Continue,
            drop,
            ThresholdPoints,
            Invariant($"{Comparison(evidence)}; a drop of {drop:0.0} points {(regression ? "≥" : "<")} {ThresholdPoints:0.0}"));
    }
}
