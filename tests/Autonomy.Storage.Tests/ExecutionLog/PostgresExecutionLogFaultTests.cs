using Autonomy.Core.Storage;
using Autonomy.Storage.Postgres;
using Autonomy.Storage.Tests.Support;
using Npgsql;

namespace Autonomy.Storage.Tests.ExecutionLog;

/// <summary>Faults only PostgreSQL shows: text it refuses, and connections that die under the writer.</summary>
public sealed class PostgresExecutionLogFaultTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task Writer_NulCharacterInText_RestWrittenAndRowReported()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 200, seed: 23);
        records[50] = records[50] with { Message = "bad\0byte" };
        var writer = new ExecutionLogWriter(new PostgresExecutionLogSink(database.DataSource), new ExecutionLogOptions { BatchSize = 200 }, TimeProvider.System);
        foreach (var record in records)
        {
            await writer.RecordAsync(record);
        }

        await writer.DisposeAsync();

        Assert.Equal(199, await CountAsync(tool));
        var rejection = Assert.Single(writer.RecentRejections);
        Assert.Equal(records[50].ExecutionId, rejection.Record.ExecutionId);
        Assert.Equal("22021", rejection.ErrorCode);
        Assert.Equal(0, writer.Statistics.Dropped);
        Assert.Equal(199, (await new PostgresExecutionStore(database.DataSource)
            .ReadRollupsAsync(tool, null, ExecutionRecords.BaseTime, ExecutionRecords.BaseTime.AddDays(1))).Sum(r => r.Total));
    }

    [PostgresFact]
    public async Task Writer_BackendsTerminatedWhileWriting_NothingLostNothingDuplicated()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 20_000, seed: 29);
        // Histograms written with every batch that can claim them, so terminations also hit the transactions that
        // carry deferred histograms, and the commits whose answer is lost leave them in doubt.
        var inner = new PostgresExecutionLogSink(database.DataSource, new PostgresExecutionLogSinkOptions { LatencyFlushIntervalMilliseconds = 0 }, TimeProvider.System);
        var sink = new TerminatingSink(inner, database.ConnectionString, everyNthWrite: 3);
        var options = new ExecutionLogOptions
        {
            BatchSize = 500,
            Capacity = 2_000,
            RetryInitialDelayMilliseconds = 10,
            RetryMaxDelayMilliseconds = 100,
        };
        var writer = new ExecutionLogWriter(sink, options, TimeProvider.System);
        foreach (var record in records)
        {
            await writer.RecordAsync(record);
        }

        await writer.DisposeAsync();

        Assert.True(sink.Terminations >= 5, $"only {sink.Terminations} terminations");
        Assert.True(writer.Statistics.Retries >= 1, "no write failed: the test did not exercise the fault");
        Assert.Equal(20_000, await CountAsync(tool));
        Assert.Equal(0, writer.Statistics.Dropped);
        Assert.Equal(0, writer.Statistics.Rejected);
        Assert.Equal((0, 0), inner.DeferredLatency);
        var rollups = await new PostgresExecutionStore(database.DataSource)
            .ReadRollupsAsync(tool, null, ExecutionRecords.BaseTime, ExecutionRecords.BaseTime.AddDays(1));
        var expected = ExecutionRollupAggregator.Aggregate(records);
        Assert.Equal(expected.Count, rollups.Count);
        Assert.All(expected.Zip(rollups), pair => Assert.True(pair.First.SameAs(pair.Second)));
    }

    [PostgresFact]
    public async Task WriteAsync_IdempotentPath_SkipsStoredIdsAndDuplicatesInTheBatch()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 100, seed: 31);
        var sink = new PostgresExecutionLogSink(database.DataSource) { AlwaysUseIdempotentPath = true };

        Assert.Equal(50, await sink.WriteAsync(records[..50]));
        Assert.Equal(50, await sink.WriteAsync([.. records, .. records[60..70]]));

        Assert.Equal(100, await CountAsync(tool));
        var rollups = await new PostgresExecutionStore(database.DataSource)
            .ReadRollupsAsync(tool, null, ExecutionRecords.BaseTime, ExecutionRecords.BaseTime.AddDays(1));
        Assert.Equal(100, rollups.Sum(r => r.Total));
    }

    private async Task<long> CountAsync(string tool) =>
        (await database.QueryAsync("SELECT count(*) FROM tool_executions WHERE tool_name = $1", r => r.GetInt64(0), new NpgsqlParameter { Value = tool })).Single();

    /// <summary>
    /// Every n-th write, terminates every other backend of the database while the write is in flight: the COPY,
    /// the upsert or the commit dies with its connection, or the commit lands and only the answer is lost.
    /// </summary>
    private sealed class TerminatingSink(IExecutionLogSink inner, string connectionString, int everyNthWrite) : IExecutionLogSink
    {
        private int _writes;

        public int Terminations;

        public async Task<int> WriteAsync(IReadOnlyList<ExecutionRecord> batch, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _writes) % everyNthWrite != 0)
            {
                return await inner.WriteAsync(batch, cancellationToken);
            }

            var write = inner.WriteAsync(batch, cancellationToken);
            await using (var admin = new NpgsqlConnection(connectionString))
            {
                await admin.OpenAsync(cancellationToken);
                await using var terminate = new NpgsqlCommand(
                    "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
                    admin);
                await terminate.ExecuteScalarAsync(cancellationToken);
                Interlocked.Increment(ref Terminations);
            }

            return await write;
        }

        public Task FlushAsync(CancellationToken cancellationToken = default) => inner.FlushAsync(cancellationToken);
    }
}
