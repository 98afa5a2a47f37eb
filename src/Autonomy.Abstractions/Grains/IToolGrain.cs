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

    /// <summary>
    /// The loop's deploy of a verified candidate over <paramref name="baseVersion"/>: refused when the tool is pinned,
    /// archived, cooling down after an automatic rollback, no longer runs <paramref name="baseVersion"/>, or when the
    /// candidate's source is one that was rolled back automatically. Opens a monitoring session that names the attempt.
    /// </summary>
    [Alias("deploy-verified")]
    Task<ToolCommandResult> DeployVerifiedAsync(int version, int baseVersion, long? attemptId, string evidence);

    /// <summary>
    /// Puts a verified candidate in live shadow: a sampled share of real calls also run it, off the callers' path,
    /// and its answers are compared with the active version's. When enough calls are compared (or its time runs out)
    /// the grain records the result in <c>shadow_test_results</c>, deploys the candidate if it agreed, and closes the
    /// attempt. Refused as <see cref="DeployVerifiedAsync"/> is, and while another candidate is in shadow.
    /// </summary>
    [Alias("start-shadow")]
    Task<ToolCommandResult> StartShadowAsync(int candidateVersion, int baseVersion, long? attemptId);

    /// <summary>Live-shadow comparisons from a worker; ignored unless they are of the candidate in shadow.</summary>
    [Alias("report-shadow")]
    Task ReportShadowAsync(ShadowObservations observations);

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

    /// <summary>
    /// Brings an archived or deleted tool back into service: it answers executions again with the version that was
    /// active, and its health check runs again. Records the change (archived or deleted to active). Succeeds, doing
    /// nothing, on a tool in service.
    /// </summary>
    [Alias("restore")]
    Task<ToolCommandResult> RestoreAsync(string reason);

    /// <summary>
    /// Deletes the tool (its source is gone): it stops answering as an archived tool does, with the availability
    /// <see cref="ToolAvailability.Deleted"/>, and its health check stops. Nothing is erased: its versions and history
    /// stay, and <see cref="RestoreAsync"/> revives it.
    /// </summary>
    [Alias("mark-deleted")]
    Task<ToolCommandResult> MarkDeletedAsync(string reason);

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
