using Microsoft.Extensions.Logging;

namespace Autonomy.Core.Storage;

internal static partial class Log
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Applied migration {Migration} to {Database} in {ElapsedMs:F1} ms")]
    public static partial void MigrationApplied(ILogger logger, string migration, string database, double elapsedMs);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Information, Message = "{Database} schema is current: {Applied} applied now, {AlreadyApplied} already applied")]
    public static partial void MigrationsDone(ILogger logger, string database, int applied, int alreadyApplied);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "{Database} has migrations this build does not know ({Versions}); a newer build migrated it")]
    public static partial void UnknownMigrations(ILogger logger, string database, string versions);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Error, Message = "Migration {Migration} failed on {Database}; its transaction was rolled back")]
    public static partial void MigrationFailed(ILogger logger, string migration, string database, Exception exception);
}
