using System.ComponentModel.DataAnnotations;

namespace Autonomy.Core.Analysis;

/// <summary>
/// Options of analysis and investigation (section <c>Autonomy:Analysis</c>), including the opportunity thresholds
/// that the loop's scan applies to the rollups.
/// </summary>
public sealed class AnalysisOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Analysis";

    /// <summary>Default analysis window: 30 days, the predecessor's <c>days=30</c>.</summary>
    public const int DefaultWindowDays = 30;

    /// <summary>Default success rate under which a tool is an opportunity (the predecessor's <c>improvement_threshold</c>).</summary>
    public const double DefaultSuccessRateBelow = 0.7;

    /// <summary>Default attributable executions a tool needs to be judged (the predecessor's <c>min_executions_for_analysis</c>).</summary>
    public const int DefaultMinimumExecutions = 10;

    /// <summary>Default span of "recent" for the recent-failures rule: the last hour.</summary>
    public const int DefaultRecentWindowMinutes = 60;

    /// <summary>Default failures within the recent span that make a tool an opportunity whatever its longer-term rate.</summary>
    public const int DefaultRecentFailures = 5;

    /// <summary>Default consecutive failures among a tool's newest executions that make it an opportunity.</summary>
    public const int DefaultFailureStreak = 5;

    /// <summary>Default most failures read to find error patterns.</summary>
    public const int DefaultFailureSampleSize = 500;

    /// <summary>Default most recent executions read to relate input features to failure.</summary>
    public const int DefaultFeatureSampleSize = 2_000;

    /// <summary>Default p95 latency above which a correct tool is called slow.</summary>
    public const int DefaultSlowP95Milliseconds = 1_000;

    /// <summary>Default fewest sampled executions that must have an input feature before it is reported.</summary>
    public const int DefaultMinimumFeatureSupport = 5;

    /// <summary>
    /// Default likelihood-ratio statistic a change point needs to be reported: about p &lt; 10⁻⁴ for one split, and
    /// enough to stay rare over the few hundred splits a month of hourly rollups offers.
    /// </summary>
    public const double DefaultChangePointThreshold = 20;

    /// <summary>How far back analysis reads.</summary>
    /// <value>Defaults to <see cref="DefaultWindowDays"/>.</value>
    [Range(1, 366)]
    public int WindowDays { get; set; } = DefaultWindowDays;

    /// <summary>The success rate (invalid input excluded) under which a tool is an opportunity.</summary>
    /// <value>Defaults to <see cref="DefaultSuccessRateBelow"/>.</value>
    [Range(0, 1)]
    public double SuccessRateBelow { get; set; } = DefaultSuccessRateBelow;

    /// <summary>The fewest attributable executions before a tool is judged.</summary>
    /// <value>Defaults to <see cref="DefaultMinimumExecutions"/>.</value>
    [Range(1, 1_000_000)]
    public int MinimumExecutions { get; set; } = DefaultMinimumExecutions;

    /// <summary>The span of "recent" for the recent-failures rule.</summary>
    /// <value>Defaults to <see cref="DefaultRecentWindowMinutes"/>.</value>
    [Range(1, 7 * 24 * 60)]
    public int RecentWindowMinutes { get; set; } = DefaultRecentWindowMinutes;

    /// <summary>Failures within the recent span that make a tool an opportunity, when its recent success rate is also below the threshold.</summary>
    /// <value>Defaults to <see cref="DefaultRecentFailures"/>.</value>
    [Range(1, 1_000_000)]
    public int RecentFailures { get; set; } = DefaultRecentFailures;

    /// <summary>Consecutive failures among the newest executions that make a tool an opportunity.</summary>
    /// <value>Defaults to <see cref="DefaultFailureStreak"/>.</value>
    [Range(1, 10_000)]
    public int FailureStreak { get; set; } = DefaultFailureStreak;

    /// <summary>The most failures read to find error patterns.</summary>
    /// <value>Defaults to <see cref="DefaultFailureSampleSize"/>.</value>
    [Range(1, 100_000)]
    public int FailureSampleSize { get; set; } = DefaultFailureSampleSize;

    /// <summary>The most recent executions read to relate input features to failure.</summary>
    /// <value>Defaults to <see cref="DefaultFeatureSampleSize"/>.</value>
    [Range(10, 100_000)]
    public int FeatureSampleSize { get; set; } = DefaultFeatureSampleSize;

    /// <summary>The p95 latency above which a correct tool is called slow.</summary>
    /// <value>Defaults to <see cref="DefaultSlowP95Milliseconds"/>.</value>
    [Range(1, 3_600_000)]
    public int SlowP95Milliseconds { get; set; } = DefaultSlowP95Milliseconds;

    /// <summary>The fewest sampled executions with an input feature before it is reported.</summary>
    /// <value>Defaults to <see cref="DefaultMinimumFeatureSupport"/>.</value>
    [Range(1, 10_000)]
    public int MinimumFeatureSupport { get; set; } = DefaultMinimumFeatureSupport;

    /// <summary>The likelihood-ratio statistic a change point needs.</summary>
    /// <value>Defaults to <see cref="DefaultChangePointThreshold"/>.</value>
    [Range(1, 10_000)]
    public double ChangePointThreshold { get; set; } = DefaultChangePointThreshold;

    /// <summary>The analysis window.</summary>
    public TimeSpan Window => TimeSpan.FromDays(WindowDays);

    /// <summary>The recent span.</summary>
    public TimeSpan RecentWindow => TimeSpan.FromMinutes(RecentWindowMinutes);
}
