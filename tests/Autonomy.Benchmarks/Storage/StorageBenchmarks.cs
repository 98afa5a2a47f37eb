using System.Globalization;
using Autonomy.Storage.Postgres;
using Npgsql;

namespace Autonomy.Benchmarks.Storage;

/// <summary>
/// The <c>storage</c> mode: execution-log ingest (writer vs raw binary COPY, SQLite beside them) and the rollup
/// scan over 100,000 tools. Throughput needs a stopwatch around a whole run, not BenchmarkDotNet's per-call
/// statistics. PostgreSQL comes from <c>AUTONOMY_TEST_POSTGRES</c> (start one with <c>.ci/postgres.sh</c>); this
/// mode creates its own databases on that server and drops them afterwards.
/// </summary>
internal static class StorageBenchmarks
{
    /// <summary>The argument that selects this mode.</summary>
    public const string Command = "storage";

    public const string ConnectionVariable = "AUTONOMY_TEST_POSTGRES";

    /// <summary>Runs <c>storage [ingest|rollup|all] [executions] [batch size] [batches at once]</c>.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var server = Environment.GetEnvironmentVariable(ConnectionVariable);
        if (string.IsNullOrEmpty(server))
        {
            await Console.Error.WriteLineAsync($"{ConnectionVariable} is not set. Run: source .ci/postgres.sh && dotnet run ... -- storage; autonomy_stop_postgres");
            return 2;
        }

        var which = args.Count > 0 ? args[0] : "all";
        var executions = args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : IngestBenchmark.DefaultExecutions;
        Console.WriteLine(Format($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}"));
        if (which is "ingest" or "all")
        {
            await IngestBenchmark.RunAsync(
                server,
                executions,
                args.Count > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : null,
                args.Count > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : null);
        }

        if (which is "rollup" or "all")
        {
            await RollupScanBenchmark.RunAsync(server);
        }

        return 0;
    }

    /// <summary>Creates a fresh, migrated database and returns its data source.</summary>
    public static async Task<(NpgsqlDataSource DataSource, string Name)> CreateDatabaseAsync(string server)
    {
        var name = $"autonomy_bench_{Guid.NewGuid():N}";
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var dataSource = PostgresConnections.CreateDataSource(new NpgsqlConnectionStringBuilder(server) { Database = name, CommandTimeout = 600 }.ConnectionString);
        await PostgresMigrator.MigrateAsync(dataSource);
        return (dataSource, name);
    }

    public static async Task DropDatabaseAsync(string server, NpgsqlDataSource dataSource, string name)
    {
        await dataSource.DisposeAsync();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> ScalarAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
