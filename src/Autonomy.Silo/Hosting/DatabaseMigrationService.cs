using Autonomy.Storage.Embedded;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Autonomy.Silo.Hosting;

/// <summary>
/// Applies the SQLite migrations before the silo starts. It is registered ahead of Orleans, so the grain storage
/// and the reminder table find their tables in place.
/// </summary>
internal sealed class DatabaseMigrationService(SqliteConnectionFactory connections, ILogger<DatabaseMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await SqliteMigrator.MigrateAsync(connections, logger, cancellationToken);
        Log.Migrated(logger, connections.DatabasePath, report.Applied.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
