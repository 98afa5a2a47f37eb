using Microsoft.Extensions.Logging;

namespace Autonomy.Grains.Catalog;

internal static partial class Log
{
    [LoggerMessage(EventId = 4201, Level = LogLevel.Information, Message = "Feedback named execution {ExecutionId}, which is not in the execution log")]
    public static partial void FeedbackForUnknownExecution(ILogger logger, Guid executionId);
}
