using Autonomy.Core.Storage;
using Autonomy.Storage.Postgres;
using Autonomy.Storage.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Autonomy.Storage.Tests.ExecutionLog;

/// <summary>
/// The PostgreSQL sink's deferred latency histograms: counts with every batch, histograms merged in memory and
/// written by a later transaction or a flush, exactly once whatever fails.
/// </summary>
public sealed class PostgresDeferredLatencyTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Interval = 5_000;

    private readonly FakeTimeProvider _time = new(ExecutionRecords.BaseTime);

    [PostgresFact]
    public async Task WriteAsync_BeforeTheInterval_CountsWrittenAndHistogramsDeferred()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 300, seed: 41);
        var sink = CreateSink();

        foreach (var batch in records.Chunk(100))
        {
            await sink.WriteAsync(batch);
        }

        var expected = ExecutionRollupAggregator.Aggregate(records);
        var rollups = await ReadRollupsAsync(tool);
        Assert.Equal(expected.Count, rollups.Count);
        Assert.All(expected.Zip(rollups), pair => Assert.Equal(pair.First with { LatencyHistogram = [] }, pair.Second with { LatencyHistogram = [] }));
        Assert.All(rollups, r => Assert.All(r.LatencyHistogram, count => Assert.Equal(0, count)));
        Assert.Equal(ExecutionRollupAggregator.AggregateDaily(expected).Sum(d => d.Total), await SumDailyAsync(tool));
        Assert.Equal(0, await CountLatencyRowsAsync(tool));
        Assert.Equal((expected.Count, 0), sink.DeferredLatency);
    }

    [PostgresFact]
    public async Task FlushAsync_AfterSeveralBatches_HistogramsExactAndMemoryEmpty()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 500, seed: 43);
        var sink = CreateSink();
        foreach (var batch in records.Chunk(60))
        {
            await sink.WriteAsync(batch);
        }

        await sink.FlushAsync();

        await AssertExactAsync(tool, records);
        Assert.Equal((0, 0), sink.DeferredLatency);
        await sink.FlushAsync();
        await AssertExactAsync(tool, records);
    }

    [PostgresFact]
    public async Task WriteAsync_IntervalPassed_NextBatchWritesTheEarlierHistograms()
    {
        var first = ExecutionRecords.NewToolName();
        var second = ExecutionRecords.NewToolName();
        var firstRecords = ExecutionRecords.Mixed(first, 200, seed: 47);
        var secondRecords = ExecutionRecords.Mixed(second, 200, seed: 53);
        var sink = CreateSink();
        await sink.WriteAsync(firstRecords[..100]);
        await sink.WriteAsync(firstRecords[100..]);
        Assert.Equal(0, await CountLatencyRowsAsync(first));

        _time.Advance(TimeSpan.FromMilliseconds(Interval));
        await sink.WriteAsync(secondRecords);

        await AssertExactAsync(first, firstRecords);
        Assert.Equal(0, await CountLatencyRowsAsync(second));
        Assert.Equal((ExecutionRollupAggregator.Aggregate(secondRecords).Count, 0), sink.DeferredLatency);
    }

    [PostgresFact]
    public async Task WriteAsync_TooManyRowsPending_WrittenBeforeTheInterval()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 400, seed: 59);
        var sink = CreateSink(maxPendingRows: 3);

        await sink.WriteAsync(records[..200]);
        await sink.WriteAsync(records[200..]);

        await AssertExactAsync(tool, records, histogramsOf: records[..200]);
        Assert.Equal(ExecutionRollupAggregator.Aggregate(records[200..]).Count, sink.DeferredLatency.PendingRows);
    }

    [PostgresFact]
    public async Task WriteAsync_TransactionCarryingHistogramsRejected_HistogramsKeptForTheNextOne()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 300, seed: 61);
        var sink = CreateSink();
        await sink.WriteAsync(records[..100]);
        _time.Advance(TimeSpan.FromMilliseconds(Interval));
        var bad = records[100..200].ToList();
        bad[7] = bad[7] with { ToolVersion = 0 };

        await Assert.ThrowsAsync<ExecutionBatchRejectedException>(() => sink.WriteAsync(bad));

        Assert.Equal(0, await CountLatencyRowsAsync(tool));
        Assert.Equal((ExecutionRollupAggregator.Aggregate(records[..100]).Count, 0), sink.DeferredLatency);
        await sink.WriteAsync(records[200..]);
        await AssertExactAsync(tool, [.. records[..100], .. records[200..]], histogramsOf: records[..100]);
        await sink.FlushAsync();
        await AssertExactAsync(tool, [.. records[..100], .. records[200..]]);
    }

    [PostgresFact]
    public async Task WriteAsync_CommitAnswerLostThenBatchRetried_EveryHistogramCountedOnce()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 300, seed: 67);
        var sink = CreateSink();
        await sink.WriteAsync(records[..150]);
        _time.Advance(TimeSpan.FromMilliseconds(Interval));
        sink.CommitHook = FailOnce(afterCommit: true);

        // The commit lands (counts of the second half, histograms of the first), the answer does not.
        await Assert.ThrowsAsync<IOException>(() => sink.WriteAsync(records[150..]));
        Assert.Equal((0, 1), sink.DeferredLatency);
        Assert.Equal(0, await sink.WriteAsync(records[150..]));
        await sink.FlushAsync();

        await AssertExactAsync(tool, records);
        Assert.Equal((0, 0), sink.DeferredLatency);
    }

    [PostgresFact]
    public async Task WriteAsync_CommitNeverAnsweredAndRolledBackThenRetried_EveryHistogramCountedOnce()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 300, seed: 71);
        var sink = CreateSink();
        await sink.WriteAsync(records[..150]);
        _time.Advance(TimeSpan.FromMilliseconds(Interval));
        sink.CommitHook = FailOnce(afterCommit: false);

        // The connection dies as the commit is sent: the sink cannot tell that the transaction rolled back.
        await Assert.ThrowsAsync<IOException>(() => sink.WriteAsync(records[150..]));
        Assert.Equal((0, 1), sink.DeferredLatency);
        Assert.Equal(150, await sink.WriteAsync(records[150..]));
        await sink.FlushAsync();

        await AssertExactAsync(tool, records);
        Assert.Equal((0, 0), sink.DeferredLatency);
    }

    [PostgresFact]
    public async Task Writer_DisposeAsync_DeferredHistogramsWritten()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 3_000, seed: 73);
        var sink = CreateSink();
        var writer = new ExecutionLogWriter(sink, new ExecutionLogOptions { BatchSize = 250 }, TimeProvider.System);
        foreach (var record in records)
        {
            await writer.RecordAsync(record);
        }

        await writer.DisposeAsync();

        await AssertExactAsync(tool, records);
        Assert.Equal((0, 0), sink.DeferredLatency);
        Assert.Equal(0, writer.Statistics.Retries);
    }

    [PostgresFact]
    public async Task Writer_FlushAsync_DeferredHistogramsWrittenBeforeItReturns()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 3_000, seed: 71);
        var sink = CreateSink();
        await using var writer = new ExecutionLogWriter(sink, new ExecutionLogOptions { BatchSize = 250 }, TimeProvider.System);
        foreach (var record in records)
        {
            await writer.RecordAsync(record);
        }

        await writer.FlushAsync();

        // A reader after a flush (an investigation, feedback by id) sees the histograms too, not 5 s later.
        await AssertExactAsync(tool, records);
        Assert.Equal((0, 0), sink.DeferredLatency);
    }

    [PostgresFact]
    public async Task Writer_FinalFlushAnswerLost_RetriedAndCountedOnce()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 1_000, seed: 79);
        var sink = CreateSink();
        foreach (var batch in records.Chunk(250))
        {
            // Written by the sink directly: the counts land, the histograms stay deferred in the sink.
            await sink.WriteAsync(batch);
        }

        Assert.Equal(0, await CountLatencyRowsAsync(tool));
        var writer = new ExecutionLogWriter(
            sink, new ExecutionLogOptions { BatchSize = 250, RetryInitialDelayMilliseconds = 10, RetryMaxDelayMilliseconds = 50 }, TimeProvider.System);
        sink.CommitHook = FailOnce(afterCommit: true);

        await writer.DisposeAsync();

        Assert.Equal(1, writer.Statistics.Retries);
        await AssertExactAsync(tool, records);
        Assert.Equal((0, 0), sink.DeferredLatency);
    }

    private static Action<bool> FailOnce(bool afterCommit)
    {
        var failed = 0;
        return committed =>
        {
            if (committed == afterCommit && Interlocked.Exchange(ref failed, 1) == 0)
            {
                throw new IOException(committed ? "connection reset after the commit" : "connection reset while committing");
            }
        };
    }

    private PostgresExecutionLogSink CreateSink(int maxPendingRows = PostgresExecutionLogSinkOptions.DefaultMaxPendingLatencyRows) =>
        new(database.DataSource, new PostgresExecutionLogSinkOptions { LatencyFlushIntervalMilliseconds = Interval, MaxPendingLatencyRows = maxPendingRows }, _time);

    private Task<IReadOnlyList<ExecutionRollup>> ReadRollupsAsync(string tool) =>
        new PostgresExecutionStore(database.DataSource).ReadRollupsAsync(tool, null, ExecutionRecords.BaseTime, ExecutionRecords.BaseTime.AddDays(1));

    /// <summary>
    /// Asserts that the stored rows and counts are those of <paramref name="records"/>, and the histograms those of
    /// <paramref name="histogramsOf"/> (by default the same records).
    /// </summary>
    private async Task AssertExactAsync(string tool, IReadOnlyList<ExecutionRecord> records, IReadOnlyList<ExecutionRecord>? histogramsOf = null)
    {
        var counted = await database.QueryAsync(
            "SELECT count(*) FROM tool_executions WHERE tool_name = $1", r => r.GetInt64(0), new NpgsqlParameter { Value = tool });
        Assert.Equal(records.Count, Assert.Single(counted));
        var expected = ExecutionRollupAggregator.Aggregate(records);
        var rollups = await ReadRollupsAsync(tool);
        Assert.Equal(expected.Count, rollups.Count);
        Assert.All(expected.Zip(rollups), pair => Assert.Equal(pair.First with { LatencyHistogram = [] }, pair.Second with { LatencyHistogram = [] }));

        var histograms = ExecutionRollupAggregator.Aggregate(histogramsOf ?? records)
            .ToDictionary(r => (r.ToolVersion, r.BucketStart), r => r.LatencyHistogram);
        foreach (var rollup in rollups)
        {
            var want = histograms.GetValueOrDefault((rollup.ToolVersion, rollup.BucketStart)) ?? new int[ExecutionLatencyHistogram.BucketCount];
            Assert.Equal(want, rollup.LatencyHistogram);
        }
    }

    private async Task<long> CountLatencyRowsAsync(string tool) =>
        (await database.QueryAsync(
            "SELECT count(*) FROM tool_execution_rollup_latency WHERE tool_name = $1", r => r.GetInt64(0), new NpgsqlParameter { Value = tool })).Single();

    private async Task<long> SumDailyAsync(string tool) =>
        (await database.QueryAsync(
            """
            SELECT COALESCE(sum(success_count + tool_error_count + timeout_count + budget_exceeded_count + invalid_input_count + invalid_output_count), 0)::bigint
            FROM tool_execution_daily_rollups WHERE tool_name = $1
            """,
            r => r.GetInt64(0),
            new NpgsqlParameter { Value = tool })).Single();
}
