using System.Diagnostics;
using System.Globalization;
using Autonomy.Abstractions.Execution;
using Autonomy.Core.Storage;
using Autonomy.Storage.Embedded;
using Autonomy.Storage.Postgres;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Autonomy.Benchmarks.Storage;

/// <summary>
/// Ingest of the same pre-built records, one warm-up round (JIT, PostgreSQL's caches; not counted) and then five
/// measured rounds, interleaved:
/// raw binary COPY into <c>tool_executions</c> (one COPY per batch, no rollups: the limit),
/// raw COPY of all rows as one stream (the absolute ceiling),
/// the writer (RecordAsync from one producer through to DisposeAsync, rows and rollups; the sink's latency histograms
/// deferred by its default interval, so written once, by the final flush, in a run this short),
/// the same writer with histograms written every 250 ms (several histogram writes per run, as in a long run) and
/// with each batch in its own transaction (the sink before histograms were deferred: the baseline), for information,
/// the writer on the sink's idempotent path (temp table + INSERT … ON CONFLICT DO NOTHING), for information,
/// and the writer on SQLite.
/// </summary>
internal static class IngestBenchmark
{
    public const int DefaultExecutions = 200_000;
    private const int Rounds = 5;
    private const int Tools = 1_000;

    /// <summary>
    /// The sink with latency histograms written every 250 ms instead of every 5 s (the default), so that a run of
    /// about a second holds several histogram writes, as a long run does: information on the steady state.
    /// </summary>
    private static readonly PostgresExecutionLogSinkOptions FrequentHistograms = new() { LatencyFlushIntervalMilliseconds = 250 };

    private static int BatchSize = ExecutionLogOptions.DefaultBatchSize;
    private static int Concurrency = ExecutionLogOptions.DefaultMaxConcurrentBatches;

    public static async Task RunAsync(string server, int executions, int? batchSize = null, int? concurrency = null)
    {
        BatchSize = batchSize ?? BatchSize;
        Concurrency = concurrency ?? Concurrency;
        var records = Generate(executions);
        Console.WriteLine(StorageBenchmarks.Format(
            $"ingest: {executions:N0} executions of {Tools:N0} tools (Zipf-like popularity, 3 versions, 92 % success), over one hour, batch {BatchSize:N0}, {Concurrency} batches at once"));
        var (dataSource, name) = await StorageBenchmarks.CreateDatabaseAsync(server);
        var sqliteDirectory = Path.Combine(Path.GetTempPath(), $"autonomy-bench-{Guid.NewGuid():N}");
        try
        {
            var results = new Dictionary<string, List<double>>();
            void Add(string key, double rate) => (results.TryGetValue(key, out var list) ? list : results[key] = []).Add(rate);
            for (var round = 0; round <= Rounds; round++)
            {
                if (round == 1)
                {
                    // Round 0 was the warm-up.
                    results.Clear();
                }

                Add("raw COPY per batch", await TimeAsync(dataSource, executions, () => RawCopyAsync(dataSource, records, BatchSize)));
                Add("writer (PostgreSQL)", await TimeAsync(dataSource, executions, () => WriterAsync(new PostgresExecutionLogSink(dataSource), records), histograms: true));
                Add("writer, histograms 250 ms", await TimeAsync(
                    dataSource, executions, () => WriterAsync(new PostgresExecutionLogSink(dataSource, FrequentHistograms, TimeProvider.System), records), histograms: true));
                Add("writer, histograms per batch", await TimeAsync(
                    dataSource, executions, () => WriterAsync(new PostgresExecutionLogSink(dataSource) { WriteLatencyWithEachBatch = true }, records), histograms: true));
                Add("raw COPY one stream", await TimeAsync(dataSource, executions, () => RawCopyAsync(dataSource, records, records.Count)));
                Add("writer, idempotent path", await TimeAsync(
                    dataSource, executions, () => WriterAsync(new PostgresExecutionLogSink(dataSource) { AlwaysUseIdempotentPath = true }, records), histograms: true));
                Add("writer (SQLite)", await TimeSqliteAsync(Path.Combine(sqliteDirectory, $"round{round}.db"), records));
                Console.WriteLine(StorageBenchmarks.Format($"round {round}: ") + string.Join(", ", results.Select(r => StorageBenchmarks.Format($"{r.Key} {r.Value[^1]:N0}/s"))));
            }

            foreach (var writer in new[] { "writer (PostgreSQL)", "writer, histograms 250 ms", "writer, histograms per batch" })
            {
                var paired = results[writer].Zip(results["raw COPY per batch"], (written, raw) => written / raw).ToList();
                Console.WriteLine(StorageBenchmarks.Format(
                    $"{writer} / raw COPY per batch, median of the {paired.Count} per-round ratios: {StorageBenchmarks.Median(paired):F2} (rounds {string.Join(", ", paired.Select(p => p.ToString("F2", CultureInfo.InvariantCulture)))}; goal >= 0.7)"));
            }
            var limit = StorageBenchmarks.Median(results["raw COPY per batch"]);
            var ceiling = StorageBenchmarks.Median(results["raw COPY one stream"]);
            foreach (var (key, rates) in results)
            {
                var median = StorageBenchmarks.Median(rates);
                Console.WriteLine(StorageBenchmarks.Format(
                    $"{key,-26} median {median,10:N0} executions/s  (min {rates.Min():N0}, max {rates.Max():N0})  = {median / limit:F2}x raw COPY per batch, {median / ceiling:F2}x one-stream COPY, {median / 50_000:F2}x the 50,000/s goal"));
            }
        }
        finally
        {
            await StorageBenchmarks.DropDatabaseAsync(server, dataSource, name);
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(sqliteDirectory))
            {
                Directory.Delete(sqliteDirectory, recursive: true);
            }
        }
    }

    private static async Task<double> TimeAsync(NpgsqlDataSource dataSource, int executions, Func<Task> run, bool histograms = false)
    {
        // The histogram and daily rows are kept from run to run, as before the histograms were deferred, so their
        // upserts update rows in every round but the first; a writer's run must add exactly its executions to them.
        const string HistogramTotal = "SELECT COALESCE(sum(c), 0) FROM tool_execution_rollup_latency, unnest(latency_histogram) AS c";
        await StorageBenchmarks.ExecuteAsync(dataSource, "TRUNCATE tool_executions, tool_execution_rollups");
        await StorageBenchmarks.ExecuteAsync(dataSource, "CHECKPOINT");
        var histogramsBefore = await StorageBenchmarks.ScalarAsync(dataSource, HistogramTotal);
        var stopwatch = Stopwatch.StartNew();
        await run();
        stopwatch.Stop();
        var stored = await StorageBenchmarks.ScalarAsync(dataSource, "SELECT count(*) FROM tool_executions");
        if (stored != executions)
        {
            throw new InvalidOperationException($"{stored} rows stored, {executions} expected.");
        }

        var histogrammed = await StorageBenchmarks.ScalarAsync(dataSource, HistogramTotal) - histogramsBefore;
        if (histograms && histogrammed != executions)
        {
            throw new InvalidOperationException($"{histogrammed} executions added to the latency histograms, {executions} expected.");
        }

        return executions / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task<double> TimeSqliteAsync(string path, List<ExecutionRecord> records)
    {
        var connections = SqliteConnectionFactory.ForFile(path);
        await SqliteMigrator.MigrateAsync(connections);
        var stopwatch = Stopwatch.StartNew();
        await WriterAsync(new SqliteExecutionLogSink(connections), records);
        stopwatch.Stop();
        await using var connection = await connections.OpenAsync();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM tool_executions";
        var stored = (long)(await count.ExecuteScalarAsync())!;
        if (stored != records.Count)
        {
            throw new InvalidOperationException($"{stored} rows stored in SQLite, {records.Count} expected.");
        }

        return records.Count / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task RawCopyAsync(NpgsqlDataSource dataSource, List<ExecutionRecord> records, int chunk)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        for (var start = 0; start < records.Count; start += chunk)
        {
            await PostgresExecutionCopy.CopyAsync(connection, "tool_executions", records.GetRange(start, Math.Min(chunk, records.Count - start)), CancellationToken.None);
        }
    }

    private static async Task WriterAsync(IExecutionLogSink sink, List<ExecutionRecord> records)
    {
        var writer = new ExecutionLogWriter(sink, new ExecutionLogOptions { BatchSize = BatchSize, MaxConcurrentBatches = Concurrency }, TimeProvider.System);
        foreach (var record in records)
        {
            if (!writer.TryRecord(record))
            {
                await writer.RecordAsync(record);
            }
        }

        await writer.DisposeAsync();
        var statistics = writer.Statistics;
        if (statistics.Dropped != 0 || statistics.Rejected != 0)
        {
            throw new InvalidOperationException($"The writer dropped {statistics.Dropped} and had {statistics.Rejected} rejected.");
        }
    }

    private static List<ExecutionRecord> Generate(int count)
    {
        var random = new Random(20261128);
        var start = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var records = new List<ExecutionRecord>(count);
        for (var i = 0; i < count; i++)
        {
            // Popularity falls off like 1/rank: a few tools take most calls, as with agents' tools.
            var tool = (int)Math.Min(Tools - 1, Math.Floor(Math.Exp(random.NextDouble() * Math.Log(Tools)))) ;
            var started = start.AddTicks((long)(i * (TimeSpan.TicksPerHour / (double)count)));
            var roll = random.NextDouble();
            var outcome = roll < 0.92 ? ExecutionOutcome.Success
                : roll < 0.96 ? ExecutionOutcome.ToolError
                : roll < 0.97 ? ExecutionOutcome.Timeout
                : roll < 0.98 ? ExecutionOutcome.BudgetExceeded
                : roll < 0.995 ? ExecutionOutcome.InvalidInput
                : ExecutionOutcome.InvalidOutput;
            var duration = TimeSpan.FromMicroseconds(Math.Exp(7 + (1.5 * random.NextDouble())));
            var result = new ExecutionResult(
                outcome,
                outcome == ExecutionOutcome.Success ? $"{{\"result\":{random.Next()},\"unit\":\"km\",\"ok\":true}}" : null,
                outcome == ExecutionOutcome.Success ? null : $"{outcome}: the input could not be handled",
                outcome == ExecutionOutcome.ToolError ? new ToolErrorInfo("System.FormatException", "String 'x' was not recognized as a valid DateTime.", 42, "Parse") : null,
                outcome == ExecutionOutcome.BudgetExceeded ? ExceededBudget.Steps : ExceededBudget.None,
                duration,
                random.Next(100, 100_000),
                random.Next(1_000, 1_000_000),
                i % 4 == 0 ? [new LogLine(started, "Information", "converted value")] : [],
                0);
            records.Add(ExecutionRecord.FromResult(
                Guid.CreateVersion7(started),
                $"tool-{tool:D5}",
                1 + (tool % 3),
                started,
                $"{{\"value\":{random.Next()},\"from\":\"mi\",\"to\":\"km\",\"note\":\"benchmark input {i}\"}}",
                result,
                TimeProvider.System,
                caller: "agent-1",
                silo: "silo-1"));
        }

        return records;
    }
}
