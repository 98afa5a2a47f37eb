using Autonomy.Storage.Embedded;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Autonomy.Storage.SiloProviders.Sqlite;

/// <summary>
/// The embedded SQLite file as the silo providers see it: connections from the project's
/// <see cref="Embedded.SqliteConnectionFactory"/> (WAL, busy timeout) and the schema from <see cref="SqliteMigrator"/>,
/// which applies <c>schema/sqlite/0003_orleans_embedded.sql</c> with the project's own migrations.
/// </summary>
internal sealed class SqliteSiloDatabase
{
    // One migrator at a time in this process: the grain stores and the reminder table start in parallel. The
    // migrator is safe against concurrent runs anyway; the gate only saves them from queueing on the write lock.
    private static readonly SemaphoreSlim MigrationGate = new(1, 1);

    private readonly SqliteConnectionFactory _connections;

    public SqliteSiloDatabase(string databasePath, int busyTimeoutMilliseconds)
    {
        _connections = new SqliteConnectionFactory(
            new SqliteStorageOptions { DatabasePath = databasePath, BusyTimeoutMilliseconds = busyTimeoutMilliseconds });
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath => _connections.DatabasePath;

    /// <summary>A fresh ETag: 32 hex digits, never reused, so a deleted and recreated row cannot revive an old one.</summary>
    public static string NewETag() => Guid.NewGuid().ToString("N");

    /// <summary>Applies every pending migration of the embedded file.</summary>
    /// <exception cref="Core.Storage.StorageUnavailableException">The file cannot be created or opened.</exception>
    public async Task MigrateAsync(ILogger logger, CancellationToken cancellationToken)
    {
        await MigrationGate.WaitAsync(cancellationToken);
        try
        {
            await SqliteMigrator.MigrateAsync(_connections, logger, cancellationToken);
        }
        finally
        {
            MigrationGate.Release();
        }
    }

    /// <summary>Opens a pooled connection that waits on the busy timeout for the writer lock.</summary>
    public Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => _connections.OpenAsync(cancellationToken);
}
