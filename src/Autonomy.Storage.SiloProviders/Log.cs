using Microsoft.Extensions.Logging;

namespace Autonomy.Storage.SiloProviders;

// Event ids 3401-3499 belong to the embedded silo providers (3001-3099: migrations, 3101-3199: execution log).
internal static partial class Log
{
    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Grain storage {ProviderName} uses SQLite file {DatabasePath}")]
    public static partial void GrainStorageReady(ILogger logger, string providerName, string databasePath);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning,
        Message = "ETag conflict on {Operation} in grain storage {ProviderName}: {StateName} of {GrainId}, held {HeldETag}, stored {StoredETag}")]
    public static partial void GrainStateConflict(
        ILogger logger, string operation, string providerName, string stateName, string grainId, string? heldETag, string? storedETag);

    [LoggerMessage(EventId = 3403, Level = LogLevel.Information, Message = "Reminder table uses SQLite file {DatabasePath} for service {ServiceId}")]
    public static partial void ReminderTableReady(ILogger logger, string databasePath, string serviceId);

    [LoggerMessage(EventId = 3404, Level = LogLevel.Debug, Message = "Reminder {ReminderName} of {GrainId} not removed: ETag {ETag} is stale or the row is gone")]
    public static partial void ReminderRemoveMissed(ILogger logger, string reminderName, string grainId, string eTag);
}
