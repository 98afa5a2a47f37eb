using Microsoft.Extensions.Logging;

namespace Autonomy.Grains.Loop;

internal static partial class Log
{
    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Loop: registered the {Reminder} reminder every {Period}")]
    public static partial void ReminderRegistered(ILogger logger, string reminder, TimeSpan period);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Information, Message = "Loop: scan judged {ToolsAnalyzed} tools and found {Opportunities} opportunities in {Duration}")]
    public static partial void ScanCompleted(ILogger logger, int toolsAnalyzed, int opportunities, TimeSpan duration);

    [LoggerMessage(EventId = 4303, Level = LogLevel.Warning, Message = "Loop: the opportunity scan failed")]
    public static partial void ScanFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4304, Level = LogLevel.Warning, Message = "Loop: the opportunity processor failed on tool {ToolName}")]
    public static partial void ProcessorFailed(ILogger logger, string toolName, Exception exception);

    [LoggerMessage(EventId = 4305, Level = LogLevel.Information, Message = "Loop: maintenance did {ActionCount} actions in {Duration}")]
    public static partial void MaintenanceCompleted(ILogger logger, int actionCount, TimeSpan duration);

    [LoggerMessage(EventId = 4306, Level = LogLevel.Warning, Message = "Loop: maintenance failed")]
    public static partial void MaintenanceFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4307, Level = LogLevel.Information, Message = "Loop: skipped the {Reminder} tick: {Why}")]
    public static partial void TickSkipped(ILogger logger, string reminder, string why);

    [LoggerMessage(EventId = 4308, Level = LogLevel.Warning, Message = "Loop: paused: {Reason}")]
    public static partial void Paused(ILogger logger, string reason);

    [LoggerMessage(EventId = 4309, Level = LogLevel.Information, Message = "Loop: resumed")]
    public static partial void Resumed(ILogger logger);

    [LoggerMessage(EventId = 4310, Level = LogLevel.Information, Message = "Loop: tool {ToolName} rolled back from version {FromVersion} to {ToVersion} (automatic: {Automatic})")]
    public static partial void RollbackRecorded(ILogger logger, string toolName, int fromVersion, int toVersion, bool automatic);

    [LoggerMessage(EventId = 4311, Level = LogLevel.Information, Message = "Loop: started on this silo (scan every {ScanPeriod}, maintenance every {MaintenancePeriod})")]
    public static partial void Started(ILogger logger, TimeSpan scanPeriod, TimeSpan maintenancePeriod);

    [LoggerMessage(EventId = 4312, Level = LogLevel.Information, Message = "Loop: disabled by configuration (Autonomy:Loop:Enabled); its reminders are not registered")]
    public static partial void Disabled(ILogger logger);

    [LoggerMessage(EventId = 4313, Level = LogLevel.Error, Message = "Loop: could not start the coordinator; the loop runs only when asked until a silo starts it")]
    public static partial void StartFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 4314, Level = LogLevel.Warning, Message = "Loop: maintenance could not settle the monitoring session {MonitoringId} of tool {ToolName}")]
    public static partial void SessionSettleFailed(ILogger logger, long monitoringId, string toolName, Exception exception);

    [LoggerMessage(EventId = 4315, Level = LogLevel.Information, Message = "Loop: tool {ToolName} was investigated at {InvestigatedAt} and has not changed since; not investigated again")]
    public static partial void InvestigationSkipped(ILogger logger, string toolName, DateTimeOffset investigatedAt);

    [LoggerMessage(EventId = 4316, Level = LogLevel.Information, Message = "Loop: opportunity {ToolName} investigated: {Status}, report {ReportId}, verdict {Verdict}")]
    public static partial void OpportunityInvestigated(ILogger logger, string toolName, Abstractions.Grains.InvestigationStatus status, long? reportId, string? verdict);

    [LoggerMessage(EventId = 4317, Level = LogLevel.Information, Message = "Loop: started improving tool {ToolName}")]
    public static partial void ImprovementStarted(ILogger logger, string toolName);

    [LoggerMessage(EventId = 4318, Level = LogLevel.Information, Message = "Loop: tool {ToolName} waits for an improvement slot ({Running} running)")]
    public static partial void ImprovementDeferred(ILogger logger, string toolName, int running);

    [LoggerMessage(EventId = 4319, Level = LogLevel.Information, Message = "Loop: the improvement of tool {ToolName} ended: {Outcome}")]
    public static partial void ImprovementEnded(ILogger logger, string toolName, Abstractions.Grains.ImprovementOutcome outcome);
}
