using Microsoft.Extensions.Logging;

namespace Autonomy.Core.Repair;

/// <summary>The log messages of the repair engine.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information, Message = "Improvement attempt {AttemptId} on tool {ToolName} version {Version}: {Given} cases given, {HeldBack} held back")]
    public static partial void AttemptStarted(ILogger logger, long attemptId, string toolName, int version, int given, int heldBack);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information, Message = "Improvement attempt {AttemptId} on tool {ToolName}: {Verdict} ({Candidates} candidates, {ElapsedMs} ms)")]
    public static partial void AttemptSearched(ILogger logger, long attemptId, string toolName, string verdict, int candidates, double elapsedMs);
}
