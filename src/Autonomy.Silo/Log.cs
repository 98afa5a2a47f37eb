using Microsoft.Extensions.Logging;

namespace Autonomy.Silo;

/// <summary>The host's log messages (event ids 6000-6099).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Migrated {DatabasePath}: {Applied} migration(s) applied")]
    public static partial void Migrated(ILogger logger, string databasePath, int applied);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Sample tool {Tool}: deployed version {Version}")]
    public static partial void SampleDeployed(ILogger logger, string tool, int version);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "Sample tool {Tool}: version {Version} already active, left as is")]
    public static partial void SampleAlreadyActive(ILogger logger, string tool, int version);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Warning, Message = "Sample tool {Tool}: rejected: {Reason}")]
    public static partial void SampleRejected(ILogger logger, string tool, string reason);

    [LoggerMessage(EventId = 6004, Level = LogLevel.Warning, Message = "Sample tool {Tool}: deploy of version {Version} failed: {Reason}")]
    public static partial void SampleDeployFailed(ILogger logger, string tool, int version, string reason);

    [LoggerMessage(EventId = 6005, Level = LogLevel.Information, Message = "Sample tool {Tool}: archived, left as is")]
    public static partial void SampleArchived(ILogger logger, string tool);

    [LoggerMessage(EventId = 6006, Level = LogLevel.Information, Message = "No sample tools loaded: folder {Directory} not found")]
    public static partial void SamplesMissing(ILogger logger, string directory);

    [LoggerMessage(EventId = 6007, Level = LogLevel.Error, Message = "Sample tool {Tool}: loading failed")]
    public static partial void SampleFailed(ILogger logger, Exception exception, string tool);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Information, Message = "Draining the execution log ({QueueDepth} buffered)")]
    public static partial void Draining(ILogger logger, int queueDepth);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Information, Message = "Execution log drained: {Written} written, {Dropped} dropped since start")]
    public static partial void Drained(ILogger logger, long written, long dropped);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Error, Message = "Execution log drain did not finish")]
    public static partial void DrainFailed(ILogger logger, Exception exception);
}
