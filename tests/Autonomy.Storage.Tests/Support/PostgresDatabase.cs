using Autonomy.Core.Storage.Migrations;
using Autonomy.Storage.Postgres;
using Npgsql;

namespace Autonomy.Storage.Tests.Support;

/// <summary>
/// A fresh database per test class on the server named by <c>AUTONOMY_TEST_POSTGRES</c>, with every embedded
/// migration under <c>schema/postgresql/</c> applied by <see cref="PostgresMigrator"/>, as a silo applies them at
/// start-up. The database is dropped when the class is done.
/// </summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public const string ConnectionVariable = "AUTONOMY_TEST_POSTGRES";

    private readonly bool _migrate;
    private NpgsqlDataSource? _dataSource;

    public PostgresDatabase()
        : this(migrate: true)
    {
    }

    /// <summary>A database that is migrated on initialisation, or left empty for migration tests.</summary>
    internal PostgresDatabase(bool migrate)
    {
        _migrate = migrate;
    }

    /// <summary>The server's connection string, or null when the variable is unset or empty.</summary>
    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;

    /// <summary>True when running under CI, where a missing server is a failure rather than a skip.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string of this class's own database.</summary>
    public string ConnectionString { get; private set; } = "";

    public string DatabaseName { get; } = $"autonomy_test_{Guid.NewGuid():N}";

    /// <summary>What the migrator did when the database was created.</summary>
    public MigrationReport? Migrations { get; private set; }

    /// <summary>The data source of this class's own database.</summary>
    public NpgsqlDataSource DataSource =>
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
        _dataSource = PostgresConnections.CreateDataSource(ConnectionString);
        if (_migrate)
        {
            Migrations = await PostgresMigrator.MigrateAsync(_dataSource);
        }
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
