using Autonomy.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Autonomy.Storage.Embedded;

/// <summary>
/// Opens connections to the embedded SQLite file, each set up the same way: write-ahead logging (readers do not
/// block the writer), a busy timeout (writers queue instead of failing) and enforced foreign keys. Every SQLite
/// store opens its connections here.
/// </summary>
public sealed class SqliteConnectionFactory
{
    private readonly string _pragmas;

    /// <summary>Creates a factory for the file in <paramref name="options"/>.</summary>
    public SqliteConnectionFactory(SqliteStorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DatabasePath);
        ArgumentOutOfRangeException.ThrowIfNegative(options.BusyTimeoutMilliseconds);

        DatabasePath = Path.GetFullPath(options.DatabasePath);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            // Microsoft.Data.Sqlite retries SQLITE_BUSY itself for up to the command timeout.
            DefaultTimeout = Math.Max(1, (options.BusyTimeoutMilliseconds + 999) / 1000),
        }.ToString();
        _pragmas = $"PRAGMA busy_timeout = {options.BusyTimeoutMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;";
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>The connection string (without the pragmas, which are set on every open).</summary>
    public string ConnectionString { get; }

    /// <summary>Creates a factory for <paramref name="databasePath"/> with the default busy timeout.</summary>
    public static SqliteConnectionFactory ForFile(string databasePath) =>
        new(new SqliteStorageOptions { DatabasePath = databasePath });

    /// <summary>Opens a connection with WAL, the busy timeout and foreign keys on.</summary>
    /// <exception cref="StorageUnavailableException">The file cannot be created or opened.</exception>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            var directory = Path.GetDirectoryName(DatabasePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var pragmas = connection.CreateCommand();
#pragma warning disable CA2100 // Built from an integer option, not from input.
            pragmas.CommandText = _pragmas;
#pragma warning restore CA2100
            await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw new StorageUnavailableException($"Cannot open the SQLite database '{DatabasePath}': {exception.Message}", exception);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Releases pooled connections to the file, so that it can be moved or deleted.</summary>
    public void ClearPool()
    {
        using var connection = new SqliteConnection(ConnectionString);
        SqliteConnection.ClearPool(connection);
    }
}
