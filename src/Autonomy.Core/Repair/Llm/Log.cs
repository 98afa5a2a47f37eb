using Microsoft.Extensions.Logging;

namespace Autonomy.Core.Repair.Llm;

/// <summary>The log messages of the LLM repair generator. Neither sources nor prompts nor keys are logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5201, Level = LogLevel.Debug, Message = "LLM repair of tool {ToolName}, round {Round}: {Verdict}")]
    public static partial void RoundJudged(ILogger logger, string toolName, int round, string verdict);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "LLM repair of tool {ToolName}, round {Round}: the chat request failed ({ExceptionType}); the LLM generator stops")]
    public static partial void ChatFailed(ILogger logger, string toolName, int round, string exceptionType);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Warning, Message = "LLM repair of tool {ToolName}, round {Round}: no answer within {TimeoutSeconds} s; the LLM generator stops")]
    public static partial void ChatTimedOut(ILogger logger, string toolName, int round, int timeoutSeconds);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Information, Message = "LLM repair of tool {ToolName} skipped: its source has {Length} characters, more than the {Cap} sent to a model")]
    public static partial void SourceTooLong(ILogger logger, string toolName, int length, int cap);
}
