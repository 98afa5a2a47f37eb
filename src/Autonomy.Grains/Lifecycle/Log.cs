using Microsoft.Extensions.Logging;

namespace Autonomy.Grains.Lifecycle;

internal static partial class Log
{
    [LoggerMessage(EventId = 4601, Level = LogLevel.Information, Message = "Lifecycle: {ActionCount} actions taken, {Deferred} deferred, in {Duration}")]
    public static partial void RunCompleted(ILogger logger, int actionCount, int deferred, TimeSpan duration);

    [LoggerMessage(EventId = 4602, Level = LogLevel.Warning, Message = "Lifecycle: could not {Action} tool {ToolName}")]
    public static partial void ActionFailed(ILogger logger, Autonomy.Core.Lifecycle.LifecycleActionKind action, string toolName, Exception exception);

    [LoggerMessage(EventId = 4603, Level = LogLevel.Warning, Message = "Lifecycle: the tools folder {Directory} could not be read")]
    public static partial void FolderUnreadable(ILogger logger, string directory, Exception exception);

    [LoggerMessage(EventId = 4604, Level = LogLevel.Warning, Message = "Lifecycle: alert {AlertId} raised on tool {ToolName} ({Kind})")]
    public static partial void AlertRaised(ILogger logger, long alertId, string toolName, string kind);

    [LoggerMessage(EventId = 4605, Level = LogLevel.Information, Message = "Lifecycle: alert {AlertId} acknowledged by {AcknowledgedBy}")]
    public static partial void AlertAcknowledged(ILogger logger, long alertId, string acknowledgedBy);
}
