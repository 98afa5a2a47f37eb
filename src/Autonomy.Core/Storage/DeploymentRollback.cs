namespace Autonomy.Core.Storage;

/// <summary>A stored rollback.</summary>
/// <param name="Id">The rollback's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="MonitoringId">The triggering session.</param>
/// <param name="FromVersion">The version rolled back.</param>
/// <param name="ToVersion">The version restored.</param>
/// <param name="Reason">Why.</param>
/// <param name="Automatic">Whether automatic.</param>
/// <param name="RollbackTime">When.</param>
public sealed record DeploymentRollback(
    long Id,
    string ToolName,
    long? MonitoringId,
    int FromVersion,
    int ToVersion,
    string Reason,
    bool Automatic,
    DateTimeOffset RollbackTime);
