using System.ComponentModel.DataAnnotations;

namespace Autonomy.Grains.Tools;

/// <summary>Options of the tool grains and their execution workers (section <c>Autonomy:Tools</c>).</summary>
public sealed class ToolGrainOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Tools";

    /// <summary>Default health-check period: five minutes, as in the design card.</summary>
    public const int DefaultHealthCheckPeriodSeconds = 300;

    /// <summary>Default metrics bucket size: five minutes, one health-check period.</summary>
    public const int DefaultBucketSeconds = 300;

    /// <summary>Default buckets kept per version: 24 hours of five-minute buckets.</summary>
    public const int DefaultBucketsPerVersion = 288;


    /// <summary>Default minimum executions in a window before it is judged (the seed's 10).</summary>
    public const int DefaultMinimumExecutions = 10;

    /// <summary>Default success rate under which a tool is degraded (the seed's 0.7).</summary>
    public const double DefaultHealthySuccessRate = 0.7;


    /// <summary>Default time a worker trusts its cached knowledge of the active version.</summary>
    public const int DefaultActiveVersionTtlMilliseconds = 2_000;

    /// <summary>Default period of a worker's metrics flush.</summary>
    public const int DefaultMetricsFlushMilliseconds = 2_000;

    /// <summary>Default executions after which a worker flushes metrics without waiting for the timer.</summary>
    public const int DefaultMetricsFlushExecutions = 500;

    /// <summary>How often the health-check reminder fires.</summary>
    /// <value>Defaults to <see cref="DefaultHealthCheckPeriodSeconds"/>.</value>
    [Range(1, 86_400)]
    public int HealthCheckPeriodSeconds { get; set; } = DefaultHealthCheckPeriodSeconds;

    /// <summary>The size of a metrics bucket.</summary>
    /// <value>Defaults to <see cref="DefaultBucketSeconds"/>.</value>
    [Range(1, 86_400)]
    public int BucketSeconds { get; set; } = DefaultBucketSeconds;

    /// <summary>How many buckets the grain keeps per version; older ones are dropped (the execution log keeps everything).</summary>
    /// <value>Defaults to <see cref="DefaultBucketsPerVersion"/>.</value>
    [Range(1, 10_000)]
    public int BucketsPerVersion { get; set; } = DefaultBucketsPerVersion;


    /// <summary>How many judged executions a window needs before it counts.</summary>
    /// <value>Defaults to <see cref="DefaultMinimumExecutions"/>.</value>
    [Range(1, 1_000_000)]
    public int MinimumExecutions { get; set; } = DefaultMinimumExecutions;

    /// <summary>The success rate under which a tool is reported degraded.</summary>
    /// <value>Defaults to <see cref="DefaultHealthySuccessRate"/>.</value>
    [Range(0, 1)]
    public double HealthySuccessRate { get; set; } = DefaultHealthySuccessRate;


    /// <summary>How long a worker trusts its cached active version before asking the tool's grain again.</summary>
    /// <value>Defaults to <see cref="DefaultActiveVersionTtlMilliseconds"/>.</value>
    [Range(0, 600_000)]
    public int ActiveVersionTtlMilliseconds { get; set; } = DefaultActiveVersionTtlMilliseconds;

    /// <summary>How often a worker sends its aggregated metrics.</summary>
    /// <value>Defaults to <see cref="DefaultMetricsFlushMilliseconds"/>.</value>
    [Range(10, 600_000)]
    public int MetricsFlushMilliseconds { get; set; } = DefaultMetricsFlushMilliseconds;

    /// <summary>How many executions make a worker send its metrics before the timer does.</summary>
    /// <value>Defaults to <see cref="DefaultMetricsFlushExecutions"/>.</value>
    [Range(1, 1_000_000)]
    public int MetricsFlushExecutions { get; set; } = DefaultMetricsFlushExecutions;

    /// <summary>The health-check period.</summary>
    public TimeSpan HealthCheckPeriod => TimeSpan.FromSeconds(HealthCheckPeriodSeconds);

    /// <summary>The bucket size.</summary>
    public TimeSpan Bucket => TimeSpan.FromSeconds(BucketSeconds);
}
