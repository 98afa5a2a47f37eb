using System.Diagnostics;
using Autonomy.Core.Storage;
using Autonomy.Storage.Postgres;
using Npgsql;
using NpgsqlTypes;

namespace Autonomy.Benchmarks.Storage;

/// <summary>
/// The loop's opportunity scan, "tools below 70 % success with at least 10 executions in the window", over the
/// rollups that 10,000,000 executions of 100,000 tools in 24 hours produce: 100,000 tools × 1 version × 24 hourly
/// buckets = 2,400,000 rollup rows (and as many latency histogram rows), each tool with exactly 100 executions (4 or 5 per hour). One tool in ten has a
/// success rate below 0.7. The rows are written directly by binary COPY, then <c>VACUUM ANALYZE</c> (what
/// autovacuum does to a table that stops changing), and the query of <see cref="PostgresExecutionStore"/> runs
/// over the 24-hour window.
/// </summary>
internal static class RollupScanBenchmark
{
    private const int Tools = 100_000;
    private const int Hours = 24;
    private const int ExecutionsPerTool = 100;
    private const int Runs = 7;

    public static async Task RunAsync(string server)
    {
        var (dataSource, name) = await StorageBenchmarks.CreateDatabaseAsync(server);
        try
        {
            var window = new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero);
            var populate = Stopwatch.StartNew();
            var (executions, expectedBelow) = await PopulateAsync(dataSource, window);
            populate.Stop();
            var vacuum = Stopwatch.StartNew();
            await StorageBenchmarks.ExecuteAsync(dataSource, "VACUUM ANALYZE tool_execution_rollups, tool_execution_rollup_latency");
            vacuum.Stop();
            var rows = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT count(*) FROM tool_execution_rollups");
            var size = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT pg_total_relation_size('tool_execution_rollups')");
            var latencySize = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT pg_total_relation_size('tool_execution_rollup_latency')");
            Console.WriteLine(StorageBenchmarks.Format(
                $"rollup scan: {rows:N0} rollup rows ({Tools:N0} tools x {Hours} hours), {executions:N0} executions, counts {size / 1048576.0:N0} MiB and histograms {latencySize / 1048576.0:N0} MiB with indexes; populated in {populate.Elapsed.TotalSeconds:F1} s, VACUUM ANALYZE {vacuum.Elapsed.TotalSeconds:F1} s"));

            var store = new PostgresExecutionStore(dataSource);
            var times = new List<double>();
            for (var run = 1; run <= Runs; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                var found = await store.FindToolsBelowSuccessRateAsync(window, window.AddHours(Hours), 0.7, 10, int.MaxValue);
                stopwatch.Stop();
                if (found.Count != expectedBelow)
                {
                    throw new InvalidOperationException($"The scan found {found.Count} tools, {expectedBelow} expected.");
                }

                times.Add(stopwatch.Elapsed.TotalMilliseconds);
                Console.WriteLine(StorageBenchmarks.Format($"run {run}: {stopwatch.Elapsed.TotalMilliseconds:F0} ms, {found.Count:N0} tools below 0.7"));
            }

            var median = StorageBenchmarks.Median(times);
            Console.WriteLine(StorageBenchmarks.Format(
                $"rollup scan median {median:F0} ms (first {times[0]:F0} ms, min {times.Min():F0}, max {times.Max():F0}) = {median / 1000:F2}x the 1 s limit"));
            await using var explain = dataSource.CreateCommand(
                """
                EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
                SELECT tool_name, sum(success_count) FROM tool_execution_rollups
                WHERE bucket_start >= $1 AND bucket_start < $2 GROUP BY tool_name
                """);
            explain.Parameters.Add(new NpgsqlParameter { Value = window.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            explain.Parameters.Add(new NpgsqlParameter { Value = window.AddHours(Hours).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            await using var reader = await explain.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("  " + reader.GetString(0));
            }
        }
        finally
        {
            await StorageBenchmarks.DropDatabaseAsync(server, dataSource, name);
        }
    }

    private static async Task<(long Executions, int Below)> PopulateAsync(NpgsqlDataSource dataSource, DateTimeOffset window)
    {
        var random = new Random(7);
        long executions = 0;
        var below = 0;
        var histogram = new int[ExecutionLatencyHistogram.BucketCount];
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var importer = await connection.BeginBinaryImportAsync(
            """
            COPY tool_execution_rollups (tool_name, tool_version, bucket_start, success_count, tool_error_count, timeout_count,
                budget_exceeded_count, invalid_input_count, invalid_output_count, duration_sum_us, duration_min_us, duration_max_us)
            FROM STDIN (FORMAT BINARY)
            """);
        await using var latencyConnection = await dataSource.OpenConnectionAsync();
        await using var latency = await latencyConnection.BeginBinaryImportAsync(
            "COPY tool_execution_rollup_latency (tool_name, tool_version, bucket_start, latency_histogram) FROM STDIN (FORMAT BINARY)");
        for (var tool = 0; tool < Tools; tool++)
        {
            // One tool in ten fails 40–60 % of the time; the rest 0–20 %.
            var failureRate = tool % 10 == 0 ? 0.4 + (random.NextDouble() * 0.2) : random.NextDouble() * 0.2;
            long successes = 0;
            for (var hour = 0; hour < Hours; hour++)
            {
                var count = hour < ExecutionsPerTool - (4 * Hours) ? 5 : 4;
                var failures = 0;
                for (var i = 0; i < count; i++)
                {
                    failures += random.NextDouble() < failureRate ? 1 : 0;
                }

                Array.Clear(histogram);
                histogram[20] = count - 1;
                histogram[24] = 1;
                await importer.StartRowAsync();
                await importer.WriteAsync($"tool-{tool:D6}", NpgsqlDbType.Text);
                await importer.WriteAsync(1, NpgsqlDbType.Integer);
                await importer.WriteAsync(window.AddHours(hour).UtcDateTime, NpgsqlDbType.TimestampTz);
                await importer.WriteAsync(count - failures, NpgsqlDbType.Integer);
                await importer.WriteAsync(failures, NpgsqlDbType.Integer);
                await importer.WriteAsync(0, NpgsqlDbType.Integer);
                await importer.WriteAsync(0, NpgsqlDbType.Integer);
                await importer.WriteAsync(0, NpgsqlDbType.Integer);
                await importer.WriteAsync(0, NpgsqlDbType.Integer);
                await importer.WriteAsync(count * 60_000L, NpgsqlDbType.Bigint);
                await importer.WriteAsync(40_000L, NpgsqlDbType.Bigint);
                await importer.WriteAsync(100_000L, NpgsqlDbType.Bigint);
                await latency.StartRowAsync();
                await latency.WriteAsync($"tool-{tool:D6}", NpgsqlDbType.Text);
                await latency.WriteAsync(1, NpgsqlDbType.Integer);
                await latency.WriteAsync(window.AddHours(hour).UtcDateTime, NpgsqlDbType.TimestampTz);
                await latency.WriteAsync(histogram, NpgsqlDbType.Array | NpgsqlDbType.Integer);
                successes += count - failures;
                executions += count;
            }

            below += successes < 0.7 * ExecutionsPerTool ? 1 : 0;
        }

        await importer.CompleteAsync();
        await latency.CompleteAsync();
        return (executions, below);
    }
}
