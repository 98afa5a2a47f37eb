using Microsoft.Extensions.Logging;

namespace Autonomy.Grains;

internal static partial class Log
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Tool {ToolName}: registered version {Version} ({SourceHash})")]
    public static partial void VersionRegistered(ILogger logger, string toolName, int version, string sourceHash);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Tool {ToolName}: rejected a source with {ErrorCount} errors")]
    public static partial void VersionRejected(ILogger logger, string toolName, int errorCount);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information, Message = "Tool {ToolName}: deployed version {Version} (was {PreviousVersion})")]
    public static partial void Deployed(ILogger logger, string toolName, int version, int? previousVersion);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Warning, Message = "Tool {ToolName}: rolled back from version {FromVersion} to {ToVersion} (automatic: {Automatic}): {Reason}")]
    public static partial void RolledBack(ILogger logger, string toolName, int? fromVersion, int toVersion, bool automatic, string reason);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning, Message = "Tool {ToolName}: version {Version} regressed, but the tool is pinned to {PinnedVersion}; no automatic rollback")]
    public static partial void RegressionWhilePinned(ILogger logger, string toolName, int version, int pinnedVersion);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Warning, Message = "Tool {ToolName}: the monitoring store refused the operation {Operation}")]
    public static partial void MonitoringStoreFailed(ILogger logger, string toolName, string operation, Exception exception);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Information, Message = "Tool {ToolName}: archived")]
    public static partial void Archived(ILogger logger, string toolName);

    [LoggerMessage(EventId = 4009, Level = LogLevel.Information, Message = "Tool {ToolName}: restored (was {FromStatus}): {Reason}")]
    public static partial void Restored(ILogger logger, string toolName, Autonomy.Core.Storage.ToolStatus fromStatus, string reason);

    [LoggerMessage(EventId = 4010, Level = LogLevel.Information, Message = "Tool {ToolName}: deleted: {Reason}")]
    public static partial void MarkedDeleted(ILogger logger, string toolName, string reason);

    [LoggerMessage(EventId = 4008, Level = LogLevel.Warning, Message = "Tool {ToolName}: could not tell the loop's coordinator about a rollback")]
    public static partial void RollbackNotificationFailed(ILogger logger, string toolName, Exception exception);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Could not learn the active version of tool {ToolName}")]
    public static partial void ActiveVersionLookupFailed(ILogger logger, string toolName, Exception exception);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Tool {ToolName}: active version {Version} ({SourceHash}) no longer compiles")]
    public static partial void ActiveVersionUnloadable(ILogger logger, string toolName, int version, string sourceHash);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Warning, Message = "The execution log did not take execution {ExecutionId} of tool {ToolName}")]
    public static partial void ExecutionNotRecorded(ILogger logger, Guid executionId, string toolName, Exception? exception);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "Could not send metrics of tool {ToolName} to its grain; they are kept for the next flush")]
    public static partial void MetricsFlushFailed(ILogger logger, string toolName, Exception exception);

    [LoggerMessage(EventId = 4020, Level = LogLevel.Information, Message = "Tool {ToolName}: version {CandidateVersion} is in live shadow against version {BaseVersion} ({SampleRate} of calls)")]
    public static partial void ShadowStarted(ILogger logger, string toolName, int candidateVersion, int baseVersion, double sampleRate);

    [LoggerMessage(EventId = 4021, Level = LogLevel.Information, Message = "Tool {ToolName}: the live shadow of version {CandidateVersion} ended (passed: {Passed}): {Verdict}")]
    public static partial void ShadowEnded(ILogger logger, string toolName, int candidateVersion, bool passed, string verdict);

    [LoggerMessage(EventId = 4022, Level = LogLevel.Warning, Message = "Tool {ToolName}: could not tell the loop's coordinator how an improvement ended")]
    public static partial void ImprovementNotificationFailed(ILogger logger, string toolName, Exception exception);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Live shadow of tool {ToolName} v{Version}: a sample could not be compared")]
    public static partial void ShadowCompareFailed(ILogger logger, string toolName, int version, Exception exception);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Warning, Message = "Live shadow of tool {ToolName} v{Version}: the comparisons could not be reported")]
    public static partial void ShadowReportFailed(ILogger logger, string toolName, int version, Exception exception);
}
