using Microsoft.Extensions.Logging;

namespace Autonomy.Grains.Improvement;

internal static partial class Log
{
    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Improvement of tool {ToolName} refused: {Outcome}")]
    public static partial void Refused(ILogger logger, string toolName, Abstractions.Grains.ImprovementOutcome outcome);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Information, Message = "Improvement of tool {ToolName}: attempt {AttemptId} on version {BaseVersion} deployed version {Version} in {Duration}")]
    public static partial void Deployed(ILogger logger, string toolName, long attemptId, int baseVersion, int version, TimeSpan duration);

    [LoggerMessage(EventId = 4503, Level = LogLevel.Information, Message = "Improvement of tool {ToolName}: attempt {AttemptId} on version {BaseVersion} found no fix in {Duration}")]
    public static partial void NoFix(ILogger logger, string toolName, long attemptId, int baseVersion, TimeSpan duration);

    [LoggerMessage(EventId = 4504, Level = LogLevel.Warning, Message = "Improvement of tool {ToolName}: attempt {AttemptId} found a fix that was not deployed ({Outcome}): {Reason}")]
    public static partial void NotDeployed(ILogger logger, string toolName, long attemptId, Abstractions.Grains.ImprovementOutcome outcome, string reason);

    [LoggerMessage(EventId = 4505, Level = LogLevel.Warning, Message = "Improvement of tool {ToolName} failed after {Duration}")]
    public static partial void Failed(ILogger logger, string toolName, TimeSpan duration, Exception exception);

    [LoggerMessage(EventId = 4506, Level = LogLevel.Information, Message = "Improvement of tool {ToolName}: attempt {AttemptId}'s candidate v{CandidateVersion} was verified: {Verdict}: {Summary}")]
    public static partial void Verified(ILogger logger, string toolName, long attemptId, int candidateVersion, Core.Verification.VerificationVerdict verdict, string summary);

    [LoggerMessage(EventId = 4507, Level = LogLevel.Information, Message = "Improvement of tool {ToolName}: attempt {AttemptId}'s v{CandidateVersion} was deployed on the approval of {Approver}")]
    public static partial void Approved(ILogger logger, string toolName, long attemptId, int candidateVersion, string approver);
}
