namespace Autonomy.Core.Storage;

/// <summary>A rollback of a tool to an earlier version.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="MonitoringId">The session that triggered it, which the rollback ends.</param>
/// <param name="FromVersion">The version rolled back.</param>
/// <param name="ToVersion">The existing version made active again.</param>
/// <param name="Reason">Why.</param>
/// <param name="Automatic">Whether the loop did it rather than a person.</param>
public sealed record NewRollback(
    string ToolName,
    long? MonitoringId,
    int FromVersion,
    int ToVersion,
    string Reason,
    bool Automatic);
