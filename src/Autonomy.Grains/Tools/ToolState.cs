using Autonomy.Abstractions.Grains;

namespace Autonomy.Grains.Tools;

/// <summary>
/// The persisted state of one tool's grain. Small and bounded: summaries, pointers and fixed metric buckets; the
/// sources and the full history live in the version store and the execution log.
/// </summary>
[GenerateSerializer, Alias("autonomy.tool-state")]
public sealed class ToolState
{
    /// <summary>Version summaries kept in state, newest last.</summary>
    public const int MaxVersionSummaries = 100;

    /// <summary>Deployment events kept in state, newest last.</summary>
    public const int MaxDeploymentEvents = 50;

    /// <summary>Versions whose metric buckets are kept (beyond the active and previous ones, the newest).</summary>
    public const int MaxVersionsWithMetrics = 4;

    [Id(0)] public List<ToolVersionSummary> Versions { get; set; } = [];

    [Id(1)] public int LatestVersion { get; set; }

    [Id(2)] public int? ActiveVersion { get; set; }

    [Id(3)] public int? PreviousVersion { get; set; }

    [Id(4)] public int? PinnedVersion { get; set; }

    [Id(5)] public bool Archived { get; set; }

    [Id(6)] public List<ToolDeploymentEvent> Deployments { get; set; } = [];

    [Id(7)] public List<MetricsBucketCounts> Buckets { get; set; } = [];

    [Id(8)] public MonitoringSummary? Monitoring { get; set; }

    [Id(9)] public bool ReminderRegistered { get; set; }

    [Id(10)] public DateTimeOffset? LastHealthCheckAt { get; set; }

    /// <summary>Bumped on every change of the active version, so workers know their cache is stale.</summary>
    [Id(11)] public long Stamp { get; set; }

    [Id(12)] public string? ActiveSourceHash { get; set; }

    /// <summary>Until when the loop leaves the tool alone after an automatic rollback.</summary>
    [Id(13)] public DateTimeOffset? CooldownUntil { get; set; }

    /// <summary>Source hashes of versions rolled back automatically, newest last (bounded by <see cref="ToolGrain.MaxRolledBackHashes"/>).</summary>
    [Id(14)] public List<string> RolledBackHashes { get; set; } = [];

    /// <summary>The candidate in live shadow, or null.</summary>
    [Id(15)] public ShadowSummary? Shadow { get; set; }

    /// <summary>Deleted: out of service as an archived tool (<see cref="Archived"/> is true too), told apart for callers.</summary>
    [Id(16)] public bool Deleted { get; set; }
}
