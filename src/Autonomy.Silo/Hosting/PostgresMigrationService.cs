using Autonomy.Storage.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Autonomy.Silo.Hosting;

/// <summary>
/// Applies the PostgreSQL migrations before the silo starts. It is registered ahead of Orleans, so the ADO.NET
/// providers find <c>OrleansQuery</c> and their tables in place. Several silos may start at once against an empty
/// database: <see cref="PostgresMigrator"/> serialises them with an advisory lock.
/// </summary>
internal sealed class PostgresMigrationService(NpgsqlDataSource dataSource, ILogger<PostgresMigrationService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var report = await PostgresMigrator.MigrateAsync(dataSource, logger, cancellationToken);
        var target = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        Log.Migrated(logger, $"PostgreSQL {target.Host}:{target.Port}/{target.Database}", report.Applied.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
