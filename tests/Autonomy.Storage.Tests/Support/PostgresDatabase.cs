using Npgsql;

namespace Autonomy.Storage.Tests.Support;

/// <summary>
/// A fresh database per test class on the server named by <c>AUTONOMY_TEST_POSTGRES</c>, with
/// <c>schema/postgresql/0001_orleans.sql</c> applied the way the migration runner applies it: one
/// multi-statement command inside one transaction. The database is dropped when the class is done.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string ConnectionVariable = "AUTONOMY_TEST_POSTGRES";

    private NpgsqlDataSource? _dataSource;

    /// <summary>The server's connection string, or null when the variable is unset or empty.</summary>
    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;

    /// <summary>True when running under CI, where a missing server is a failure rather than a skip.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string of this class's own database.</summary>
    public string ConnectionString { get; private set; } = "";

    public string DatabaseName { get; } = $"autonomy_test_{Guid.NewGuid():N}";

    private NpgsqlDataSource DataSource =>
        _dataSource ?? throw new InvalidOperationException("The database was not created: PostgreSQL is not configured.");

    public async Task InitializeAsync()
    {
        var server = ServerConnectionString;
        if (server is null)
        {
            if (IsCi)
            {
                throw new InvalidOperationException(
                    $"{ConnectionVariable} is not set but CI=true: the storage tests need PostgreSQL. " +
                    "Source .ci/postgres.sh before running the tests.");
            }

            // Every test is skipped by PostgresFactAttribute; nothing to create.
            return;
        }

        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {DatabaseName}", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = DatabaseName }.ConnectionString;
        _dataSource = NpgsqlDataSource.Create(ConnectionString);

        var schema = await File.ReadAllTextAsync(RepositoryPaths.OrleansSchema);
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var apply = new NpgsqlCommand(schema, connection, transaction))
        {
            await apply.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    public async Task DisposeAsync()
    {
        if (_dataSource is null)
        {
            return;
        }

        await _dataSource.DisposeAsync();
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            // The Orleans providers open their own pooled connections from the same connection string.
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var admin = new NpgsqlConnection(ServerConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {DatabaseName} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a query and maps each row.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> map, params NpgsqlParameter[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>Runs a statement and returns the number of rows it affected.</summary>
    public async Task<int> ExecuteAsync(string sql, params NpgsqlParameter[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        return await command.ExecuteNonQueryAsync();
    }
}
