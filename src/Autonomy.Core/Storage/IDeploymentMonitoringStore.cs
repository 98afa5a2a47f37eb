namespace Autonomy.Core.Storage;

/// <summary>
/// Post-deployment monitoring: sessions (<c>deployment_monitoring</c>), their health checks and rollbacks, and
/// the views <c>active_monitoring</c> and <c>deployment_stability</c>. A tool has at most one active session.
/// </summary>
public interface IDeploymentMonitoringStore
{
    /// <summary>Starts watching a deployment.</summary>
    /// <exception cref="StoreConflictException">The tool already has an active session.</exception>
    Task<MonitoringSession> StartAsync(NewMonitoringSession session, CancellationToken cancellationToken = default);

    /// <summary>Records a health check of an active session; a regression marks the session.</summary>
    /// <exception cref="InvalidOperationException">The session does not exist or has ended.</exception>
    Task<HealthCheck> RecordHealthCheckAsync(NewHealthCheck check, CancellationToken cancellationToken = default);

    /// <summary>Ends an active session as completed or aborted.</summary>
    /// <exception cref="InvalidOperationException">The session does not exist or has ended.</exception>
    Task<MonitoringSession> EndAsync(
        long monitoringId, MonitoringStatus status, string reason, CancellationToken cancellationToken = default);

    /// <summary>Records a rollback; when it names an active session, that session ends as rolled back in the same transaction.</summary>
    Task<DeploymentRollback> RecordRollbackAsync(NewRollback rollback, CancellationToken cancellationToken = default);

    /// <summary>One session, or null.</summary>
    Task<MonitoringSession?> GetAsync(long monitoringId, CancellationToken cancellationToken = default);

    /// <summary>The active sessions with their latest health check (<c>active_monitoring</c>), oldest first.</summary>
    Task<IReadOnlyList<ActiveMonitoringRow>> ListActiveAsync(CancellationToken cancellationToken = default);

    /// <summary>A session's health checks, newest first.</summary>
    Task<IReadOnlyList<HealthCheck>> ListHealthChecksAsync(long monitoringId, int limit, CancellationToken cancellationToken = default);

    /// <summary>A tool's rollbacks, newest first.</summary>
    Task<IReadOnlyList<DeploymentRollback>> ListRollbacksAsync(string toolName, int limit, CancellationToken cancellationToken = default);

    /// <summary>A tool's row of <c>deployment_stability</c>, or null when it was never monitored or rolled back.</summary>
    Task<DeploymentStability?> GetStabilityAsync(string toolName, CancellationToken cancellationToken = default);

    /// <summary>The least stable tools (<c>deployment_stability</c> by rollback rate, highest first, then by name).</summary>
    Task<IReadOnlyList<DeploymentStability>> ListStabilityAsync(int limit, CancellationToken cancellationToken = default);
}
