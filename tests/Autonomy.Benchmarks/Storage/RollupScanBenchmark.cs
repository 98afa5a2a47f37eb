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
/// success rate below 0.7. The day's 100,000 daily rollup rows hold the sums of each tool's 24 hourly rows, as
/// the sink writes them. The rows are written directly by binary COPY, then <c>VACUUM ANALYZE</c> (what
/// autovacuum does to a table that stops changing), and the query of <see cref="PostgresExecutionStore"/> runs
/// over the day-aligned 24-hour window (whole day: daily rows only), then, for information, over a window
/// shifted by one hour (two partial days: 23 + 1 hours of hourly rows, no whole day).
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
            await StorageBenchmarks.ExecuteAsync(
                dataSource, "VACUUM ANALYZE tool_execution_rollups, tool_execution_rollup_latency, tool_execution_daily_rollups");
            vacuum.Stop();
            var rows = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT count(*) FROM tool_execution_rollups");
            var size = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT pg_total_relation_size('tool_execution_rollups')");
            var latencySize = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT pg_total_relation_size('tool_execution_rollup_latency')");
            var dailyRows = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT count(*) FROM tool_execution_daily_rollups");
            var dailySize = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT pg_total_relation_size('tool_execution_daily_rollups')");
            Console.WriteLine(StorageBenchmarks.Format(
                $"rollup scan: {rows:N0} rollup rows ({Tools:N0} tools x {Hours} hours), {dailyRows:N0} daily rows, {executions:N0} executions, counts {size / 1048576.0:N0} MiB, histograms {latencySize / 1048576.0:N0} MiB and daily {dailySize / 1048576.0:N0} MiB with indexes; populated in {populate.Elapsed.TotalSeconds:F1} s, VACUUM ANALYZE {vacuum.Elapsed.TotalSeconds:F1} s"));

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
            await ExplainAsync(dataSource, window, window.AddHours(Hours));

            // Information: the same 24 hours shifted by one hour hold no whole day, so every row comes from the
            // hourly table (the cost before the daily level).
            var shifted = new List<double>();
            var shiftedCount = 0;
            for (var run = 1; run <= 3; run++)
            {
                var stopwatch = Stopwatch.StartNew();
                var found = await store.FindToolsBelowSuccessRateAsync(window.AddHours(1), window.AddHours(Hours + 1), 0.7, 10, int.MaxValue);
                stopwatch.Stop();
                shifted.Add(stopwatch.Elapsed.TotalMilliseconds);
                shiftedCount = found.Count;
            }

            Console.WriteLine(StorageBenchmarks.Format(
                $"window shifted by 1 h (hourly rows only, 23 h of data): median {StorageBenchmarks.Median(shifted):F0} ms of 3 (min {shifted.Min():F0}), {shiftedCount:N0} tools below 0.7"));
            await ExplainAsync(dataSource, window.AddHours(1), window.AddHours(Hours + 1));
        }
        finally
        {
            await StorageBenchmarks.DropDatabaseAsync(server, dataSource, name);
        }
    }

    private static async Task ExplainAsync(NpgsqlDataSource dataSource, DateTimeOffset from, DateTimeOffset to)
    {
        var (sql, bounds) = PostgresExecutionStore.ScanSql(ExecutionRollupAggregator.ScanRanges(from, to));
        await using var explain = dataSource.CreateCommand(
            $"EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) {sql} WHERE s + te + tt + be + io >= 10 AND s < 0.7 * (s + te + tt + be + io) " +
            "ORDER BY s::float8 / NULLIF(s + te + tt + be + io, 0), tool_name COLLATE \"C\"");
        foreach (var bound in bounds)
        {
            explain.Parameters.Add(new NpgsqlParameter { Value = bound.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }

        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.WriteLine("  " + reader.GetString(0));
        }
    }

    private static async Task<(long Executions, int Below)> PopulateAsync(NpgsqlDataSource dataSource, DateTimeOffset window)
    {
        var random = new Random(7);
        long executions = 0;
        var below = 0;
        await using var copy = await SyntheticRollupCopy.StartAsync(dataSource);
        for (var tool = 0; tool < Tools; tool++)
        {
            // One tool in ten fails 40–60 % of the time; the rest 0–20 %.
            var failureRate = tool % 10 == 0 ? 0.4 + (random.NextDouble() * 0.2) : random.NextDouble() * 0.2;
            var name = $"tool-{tool:D6}";
            long successes = 0;
            long toolExecutions = 0;
            for (var hour = 0; hour < Hours; hour++)
            {
                var count = hour < ExecutionsPerTool - (4 * Hours) ? 5 : 4;
                var failures = 0;
                for (var i = 0; i < count; i++)
                {
                    failures += random.NextDouble() < failureRate ? 1 : 0;
                }

                await copy.WriteHourAsync(name, window.AddHours(hour), count, failures);
                successes += count - failures;
                toolExecutions += count;
            }

            // The day's row: the sums of the 24 hourly rows above, as the sink writes it.
            await copy.WriteDayAsync(name, ExecutionRollupAggregator.DayOf(window), toolExecutions, successes);
            executions += toolExecutions;
            below += successes < 0.7 * ExecutionsPerTool ? 1 : 0;
        }

        await copy.CompleteAsync();
        return (executions, below);
    }
}
