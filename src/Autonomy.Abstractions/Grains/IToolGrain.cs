using Orleans.Concurrency;

namespace Autonomy.Abstractions.Grains;

/// <summary>
/// One tool (key: the tool's name). Owns its version history (sources live in the version store; the grain keeps
/// bounded summaries), the active, previous and pinned versions, the per-version metrics windows, the monitoring
/// session and the rollback logic. A reminder runs the health check every few minutes once the tool is deployed.
/// </summary>
[Alias("autonomy.tool")]
public interface IToolGrain : IGrainWithStringKey
{
    /// <summary>
    /// Compiles and policy-checks a source and, when it is accepted, appends it as the next version. A rejected
    /// source never becomes a version: the caller gets the diagnostics. Registering does not deploy.
    /// </summary>
    [Alias("register-version")]
    Task<RegisterVersionResult> RegisterVersionAsync(string source, string author, string reason, CancellationToken cancellationToken = default);

    /// <summary>Makes a version the active one; the version it replaces becomes the rollback target, and a monitoring session starts.</summary>
    [Alias("deploy")]
    Task<ToolCommandResult> DeployAsync(int version);

    /// <summary>Rolls back to <paramref name="toVersion"/>, or to the previous version when null. Appends an event; never edits history.</summary>
    [Alias("rollback")]
    Task<ToolCommandResult> RollbackAsync(int? toVersion, string reason);

    /// <summary>Pins a version (the active one when null): automatic rollbacks and the loop leave the tool alone.</summary>
    [Alias("pin")]
    Task<ToolCommandResult> PinAsync(int? version);

    /// <summary>Removes the pin.</summary>
    [Alias("unpin")]
    Task<ToolCommandResult> UnpinAsync();

    /// <summary>Archives the tool: it stops answering executions and its health check stops.</summary>
    [Alias("archive")]
    Task<ToolCommandResult> ArchiveAsync(string reason);

    /// <summary>Health, versions and the current metrics window.</summary>
    [Alias("describe"), AlwaysInterleave]
    Task<ToolDescription> DescribeAsync();

    /// <summary>Per-version, per-bucket counts aggregated by the workers that ran the executions.</summary>
    [Alias("report-metrics")]
    Task ReportMetricsAsync(ToolMetricsBatch batch);

    /// <summary>What workers must run: the active version with its source, or why there is none.</summary>
    [Alias("get-active-version"), AlwaysInterleave]
    Task<ActiveToolVersion> GetActiveVersionAsync();

    /// <summary>Runs the health check now, as the reminder does (idempotent).</summary>
    [Alias("check-health")]
    Task<HealthCheckReport> CheckHealthAsync();
}
