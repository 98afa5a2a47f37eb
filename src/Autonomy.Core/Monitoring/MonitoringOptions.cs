using System.ComponentModel.DataAnnotations;

namespace Autonomy.Core.Monitoring;

/// <summary>
/// Options of deployment monitoring's regression test (section <c>Autonomy:Monitoring</c>): which detector decides
/// whether a newly deployed version regressed against the one it replaced, and its parameters.
/// </summary>
public sealed class MonitoringOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Monitoring";

    /// <summary>Default method: the sequential test, valid under repeated checks.</summary>
    public const string DefaultMethod = SequentialRegressionTest.MethodName;

    /// <summary>Default minimum judged executions on each side before either method judges (the seed's 10).</summary>
    public const int DefaultMinimumExecutions = 10;

    /// <summary>Default drop, in absolute percentage points, that the threshold rule calls a regression (the seed's 15 %: 95 % to 80 %).</summary>
    public const double DefaultRegressionThresholdPoints = 15;

    /// <summary>Default drop, in absolute percentage points below the baseline's lower bound, that the sequential test is built to detect.</summary>
    public const double DefaultMinimumDetectableDropPoints = 10;

    /// <summary>Default bound on the probability that the sequential test rolls back a version no worse than its baseline: 1 %.</summary>
    public const double DefaultFalseRollbackRate = 0.01;

    /// <summary>Default bound on the probability that early acceptance passes a version that dropped by the minimum detectable drop: 1 %.</summary>
    public const double DefaultMissedRegressionRate = 0.01;

    /// <summary>The detector: <c>sequential</c> or <c>threshold</c> (the seed's rule).</summary>
    /// <value>Defaults to <see cref="DefaultMethod"/>.</value>
    [Required]
    [AllowedValues(SequentialRegressionTest.MethodName, ThresholdRegressionRule.MethodName)]
    public string Method { get; set; } = DefaultMethod;

    /// <summary>The fewest judged executions the baseline and the new version each need before a verdict.</summary>
    /// <value>Defaults to <see cref="DefaultMinimumExecutions"/>.</value>
    [Range(1, 1_000_000)]
    public int MinimumExecutions { get; set; } = DefaultMinimumExecutions;

    /// <summary>The threshold rule's regression: a fall of this many absolute percentage points of success rate.</summary>
    /// <value>Defaults to <see cref="DefaultRegressionThresholdPoints"/>.</value>
    [Range(0.1, 100)]
    public double RegressionThresholdPoints { get; set; } = DefaultRegressionThresholdPoints;

    /// <summary>The sequential test's δ: the drop, in absolute percentage points below the baseline's lower bound, it is built to detect.</summary>
    /// <value>Defaults to <see cref="DefaultMinimumDetectableDropPoints"/>.</value>
    [Range(1, 50)]
    public double MinimumDetectableDropPoints { get; set; } = DefaultMinimumDetectableDropPoints;

    /// <summary>The sequential test's α: the most likely a version no worse than its baseline is rolled back, over a whole session.</summary>
    /// <value>Defaults to <see cref="DefaultFalseRollbackRate"/>.</value>
    [Range(0.0001, 0.2)]
    public double FalseRollbackRate { get; set; } = DefaultFalseRollbackRate;

    /// <summary>Whether the sequential test may answer <see cref="RegressionVerdict.Healthy"/>, so monitoring can stop before its window ends.</summary>
    /// <value>Defaults to false: monitoring runs its whole window, as the seed's did.</value>
    public bool AcceptHealthy { get; set; }

    /// <summary>The sequential test's β for early acceptance: the most likely a version that dropped by the minimum detectable drop is accepted.</summary>
    /// <value>Defaults to <see cref="DefaultMissedRegressionRate"/>.</value>
    [Range(0.0001, 0.2)]
    public double MissedRegressionRate { get; set; } = DefaultMissedRegressionRate;

    /// <summary>Default monitoring window after a deploy: 24 hours (the seed's current window).</summary>
    public const int DefaultWindowMinutes = 24 * 60;

    /// <summary>Default baseline window of the replaced version: 7 days (the seed's).</summary>
    public const int DefaultBaselineWindowDays = 7;

    /// <summary>Default cooldown after an automatic rollback, during which the loop leaves the tool alone: 24 hours.</summary>
    public const int DefaultCooldownMinutes = 24 * 60;

    /// <summary>How long a deploy is monitored.</summary>
    /// <value>Defaults to <see cref="DefaultWindowMinutes"/>.</value>
    [Range(1, 43_200)]
    public int WindowMinutes { get; set; } = DefaultWindowMinutes;

    /// <summary>How far back the replaced version's executions form the baseline.</summary>
    /// <value>Defaults to <see cref="DefaultBaselineWindowDays"/>.</value>
    [Range(1, 365)]
    public int BaselineWindowDays { get; set; } = DefaultBaselineWindowDays;

    /// <summary>How long the loop leaves a tool alone after an automatic rollback (it never redeploys the rolled-back code).</summary>
    /// <value>Defaults to <see cref="DefaultCooldownMinutes"/>.</value>
    [Range(0, 43_200)]
    public int CooldownMinutes { get; set; } = DefaultCooldownMinutes;

    /// <summary>The monitoring window.</summary>
    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    /// <summary>The baseline window.</summary>
    public TimeSpan BaselineWindow => TimeSpan.FromDays(BaselineWindowDays);

    /// <summary>The cooldown after an automatic rollback.</summary>
    public TimeSpan Cooldown => TimeSpan.FromMinutes(CooldownMinutes);
}
