using Microsoft.Extensions.Logging;

namespace Autonomy.Core.Compilation;

internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Compiled tool {ToolName} ({SourceHash}) in {ElapsedMs:F1} ms")]
    public static partial void Compiled(ILogger logger, string toolName, string sourceHash, double elapsedMs);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information, Message = "Rejected source {SourceHash} with {ErrorCount} errors in {ElapsedMs:F1} ms")]
    public static partial void Rejected(ILogger logger, string sourceHash, int errorCount, double elapsedMs);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Debug, Message = "Compilation cache hit for {SourceHash}")]
    public static partial void CacheHit(ILogger logger, string sourceHash);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Debug, Message = "Evicted and unloaded {CacheKey} from the compilation cache")]
    public static partial void Evicted(ILogger logger, string cacheKey);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Error, Message = "The compiler failed on source {SourceHash}")]
    public static partial void CompilerFailed(ILogger logger, string sourceHash, Exception exception);
}
