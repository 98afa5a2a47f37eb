using System.Data.Common;
using Autonomy.Core.Storage;
using Npgsql;

namespace Autonomy.Storage.Postgres;

/// <summary>
/// Creates the one <see cref="NpgsqlDataSource"/> of a process and opens its connections, turning a server that
/// cannot be reached into a <see cref="StorageUnavailableException"/> that names the target.
/// </summary>
public static class PostgresConnections
{
    /// <summary>
    /// The connect timeout used when the connection string sets none (Npgsql's own default is 15 s): a wrong
    /// address should stop a silo's start-up quickly, not after a long hang.
    /// </summary>
    /// <value>5 seconds.</value>
    public const int DefaultConnectTimeoutSeconds = 5;

    private static readonly string[] TimeoutKeys = ["Timeout", "Connect Timeout", "Connection Timeout"];

    /// <summary>Builds a data source, applying <see cref="DefaultConnectTimeoutSeconds"/> unless the string sets a timeout.</summary>
    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!TimeoutKeys.Any(given.ContainsKey))
        {
            builder.Timeout = DefaultConnectTimeoutSeconds;
        }

        return NpgsqlDataSource.Create(builder);
    }

    /// <summary>Opens a connection from <paramref name="dataSource"/>.</summary>
    /// <exception cref="StorageUnavailableException">The server could not be reached, or refused the connection.</exception>
    public static async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        try
        {
            return await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(dataSource, exception);
        }
        catch (TimeoutException exception) when (!cancellationToken.IsCancellationRequested)
        {
            throw Unavailable(dataSource, exception);
        }
    }

    private static StorageUnavailableException Unavailable(NpgsqlDataSource dataSource, Exception exception)
    {
        // NpgsqlDataSource.ConnectionString leaves the password out.
        var target = new NpgsqlConnectionStringBuilder(dataSource.ConnectionString);
        return new StorageUnavailableException(
            $"Cannot connect to PostgreSQL at {target.Host}:{target.Port} (database '{target.Database}', " +
            $"user '{target.Username}', connect timeout {target.Timeout} s): {exception.Message}",
            exception);
    }
}
