using Microsoft.Extensions.Logging;

namespace Autonomy.Grains.Investigation;

internal static partial class Log
{
    [LoggerMessage(EventId = 4401, Level = LogLevel.Information, Message = "Investigation of tool {ToolName}: report {ReportId} on version {Version}, verdict {Verdict}, should improve {ShouldImprove}, confidence {Confidence:0.00}, in {Duration}")]
    public static partial void Investigated(ILogger logger, string toolName, long reportId, int? version, string verdict, bool shouldImprove, double confidence, TimeSpan duration);

    [LoggerMessage(EventId = 4402, Level = LogLevel.Information, Message = "Investigation of tool {ToolName}: no such tool")]
    public static partial void UnknownTool(ILogger logger, string toolName);

    [LoggerMessage(EventId = 4403, Level = LogLevel.Information, Message = "Investigation of tool {ToolName}: refused a window of {WindowDays} days")]
    public static partial void InvalidWindow(ILogger logger, string toolName, int windowDays);

    [LoggerMessage(EventId = 4404, Level = LogLevel.Warning, Message = "Investigation of tool {ToolName} failed after {Duration}")]
    public static partial void Failed(ILogger logger, string toolName, TimeSpan duration, Exception exception);

    [LoggerMessage(EventId = 4405, Level = LogLevel.Warning, Message = "Investigation report {ReportId} of tool {ToolName} has no readable verdict in its findings")]
    public static partial void UnreadableVerdict(ILogger logger, long reportId, string toolName);
}
