using Microsoft.Extensions.Logging;

namespace Autonomy.Core.Analysis;

/// <summary>The log messages of analysis and investigation.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Investigated tool {ToolName} version {Version}: {Verdict}, improve {ShouldImprove}, confidence {Confidence}")]
    public static partial void Investigated(ILogger logger, string toolName, int? version, string verdict, bool shouldImprove, double confidence);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "The narrator gave no narrative for tool {ToolName}: {Reason}")]
    public static partial void NarratorFailed(ILogger logger, string toolName, string reason);
}
