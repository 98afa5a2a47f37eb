using Microsoft.Extensions.Logging;

namespace Autonomy.Silo.Demo;

/// <summary>The demo's log messages (event ids 6100-6199), all in the <see cref="DemoOptions.LogCategory"/> category.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning,
        Message = "Autonomy:Demo:Enabled is true, but the demo runs only in embedded mode: no demo traffic in {Mode} mode")]
    public static partial void NotEmbedded(ILogger logger, string mode);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "Demo traffic off: no traffic file {Path}")]
    public static partial void TrafficFileMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Demo traffic off: {Path} is not a usable traffic file: {Reason}")]
    public static partial void TrafficFileUnusable(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Warning, Message = "Demo traffic: no active version of {Tools} after {Seconds} s; they get no traffic")]
    public static partial void ToolsNotReady(ILogger logger, string tools, int seconds);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information,
        Message = "Demo traffic started: {CallsPerSecond} calls/s over {ToolCount} tools (seed {Seed}, from {Path})")]
    public static partial void TrafficStarted(ILogger logger, double callsPerSecond, int toolCount, int seed, string path);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Information, Message = "Demo traffic stopped after {Calls} calls")]
    public static partial void TrafficStopped(ILogger logger, long calls);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Warning, Message = "Demo traffic: a call to {Tool} threw ({CallErrors} so far)")]
    public static partial void CallFailed(ILogger logger, Exception exception, string tool, long callErrors);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Warning, Message = "Demo traffic: feedback on {Tool} was refused: {Reason}")]
    public static partial void FeedbackRefused(ILogger logger, string tool, string reason);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Information,
        Message = "Demo: in {Seconds} s, {Tool} gets a deliberately bad deploy ({File}) to show monitoring and rollback")]
    public static partial void BadDeployScheduled(ILogger logger, int seconds, string tool, string file);

    [LoggerMessage(EventId = 6111, Level = LogLevel.Warning, Message = "Demo: no bad deploy of {Tool}: {Reason}")]
    public static partial void BadDeploySkipped(ILogger logger, string tool, string reason);

    [LoggerMessage(EventId = 6112, Level = LogLevel.Information,
        Message = "Demo: deployed {Tool} v{Version} in place of v{Previous}, a deliberately bad version from {File}: " +
            "it breaks on part of the traffic; monitoring should detect the regression and roll back to v{Previous}")]
    public static partial void BadDeployed(ILogger logger, string tool, int version, int? previous, string file);

    [LoggerMessage(EventId = 6113, Level = LogLevel.Warning, Message = "Demo: the bad deploy of {Tool} failed")]
    public static partial void BadDeployFailed(ILogger logger, Exception exception, string tool);

    [LoggerMessage(EventId = 6120, Level = LogLevel.Information, Message = "{Tool}: {What}")]
    public static partial void LifecycleEvent(ILogger logger, string tool, string what);

    [LoggerMessage(EventId = 6121, Level = LogLevel.Information, Message = "traffic: {Summary}")]
    public static partial void TrafficSummary(ILogger logger, string summary);

    [LoggerMessage(EventId = 6122, Level = LogLevel.Warning, Message = "Demo progress: reading the lifecycle events failed")]
    public static partial void ProgressReadFailed(ILogger logger, Exception exception);
}
