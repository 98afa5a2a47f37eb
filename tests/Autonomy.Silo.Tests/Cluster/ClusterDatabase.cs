using Npgsql;

namespace Autonomy.Silo.Tests.Cluster;

/// <summary>
/// A fresh, empty database per test on the server named by <c>AUTONOMY_TEST_POSTGRES</c>: the silos migrate
/// it themselves at start-up, two at once. It is dropped when the test is done.
/// </summary>
public sealed class ClusterDatabase : IAsyncLifetime
{
    public const string ConnectionVariable = "AUTONOMY_TEST_POSTGRES";

    private NpgsqlDataSource? _dataSource;

    /// <summary>The server's connection string, or null when the variable is unset or empty.</summary>
    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } value ? value : null;

    /// <summary>True under CI, where a missing server is a failure rather than a skip.</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public string DatabaseName { get; } = $"autonomy_cluster_{Guid.NewGuid():N}";

    /// <summary>The connection string of this class's own database.</summary>
    public string ConnectionString { get; private set; } = "";

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
                    $"{ConnectionVariable} is not set but CI=true: the cluster-mode tests need PostgreSQL. " +
                    "Source .ci/postgres.sh before running the tests.");
            }

            // Every test is skipped by PostgresClusterFactAttribute; nothing to create.
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
            // The Orleans client opens its own pooled connections from the same connection string.
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

    /// <summary>The membership rows of a cluster: silo port and status (3 Active, 6 Dead).</summary>
    public async Task<IReadOnlyDictionary<int, int>> MembershipAsync(string clusterId)
    {
        var rows = await QueryAsync(
            "SELECT port, status FROM orleansmembershiptable WHERE deploymentid = @id",
            r => (Port: r.GetInt32(0), Status: r.GetInt32(1)),
            new NpgsqlParameter("id", clusterId));
        return rows.ToDictionary(r => r.Port, r => r.Status);
    }

    /// <summary>How many <c>tool_executions</c> rows have this id.</summary>
    public async Task<long> CountExecutionsAsync(Guid executionId)
    {
        var rows = await QueryAsync(
            "SELECT count(*) FROM tool_executions WHERE execution_id = @id",
            r => r.GetInt64(0),
            new NpgsqlParameter("id", executionId));
        return rows[0];
    }

    /// <summary>How many <c>tool_executions</c> rows a tool has.</summary>
    public async Task<long> CountToolExecutionsAsync(string toolName)
    {
        var rows = await QueryAsync(
            "SELECT count(*) FROM tool_executions WHERE tool_name = @tool",
            r => r.GetInt64(0),
            new NpgsqlParameter("tool", toolName));
        return rows[0];
    }
}
