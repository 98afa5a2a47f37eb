using Microsoft.Extensions.Logging;

namespace Autonomy.Core.Storage;

/// <summary>The log messages of the execution log writer (event ids 3101–3199).</summary>
internal static partial class ExecutionLogMessages
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Writing {Count} executions failed (attempt {Attempt}); retrying in {DelayMs} ms")]
    public static partial void WriteFailed(ILogger logger, int count, int attempt, double delayMs, Exception exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Wrote {Count} executions after {Attempts} failed attempts")]
    public static partial void Recovered(ILogger logger, int count, int attempts);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning, Message = "The database rejected a batch of {Count} executions ({ErrorCode}); bisecting it to find the rows at fault")]
    public static partial void Bisecting(ILogger logger, int count, string? errorCode);

    [LoggerMessage(EventId = 3104, Level = LogLevel.Error, Message = "The database rejected execution {ExecutionId} of {ToolName} v{ToolVersion} ({ErrorCode}): {Reason}")]
    public static partial void Rejected(ILogger logger, Guid executionId, string toolName, int toolVersion, string? errorCode, string reason);

    [LoggerMessage(EventId = 3105, Level = LogLevel.Error, Message = "Dropped {Count} executions: {Reason}")]
    public static partial void Dropped(ILogger logger, int count, string reason);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Information, Message = "Execution log writer stopped: {Written} written, {Rejected} rejected, {Dropped} dropped")]
    public static partial void Stopped(ILogger logger, long written, long rejected, long dropped);

    [LoggerMessage(EventId = 3107, Level = LogLevel.Error, Message = "A handler of rejected executions threw")]
    public static partial void RejectionHandlerFailed(ILogger logger, Exception exception);
}
