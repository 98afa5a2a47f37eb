using System.Diagnostics.Metrics;
using Autonomy.Abstractions.Execution;
using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.ExecutionLog;

public sealed class ExecutionLogWriterTests
{
    private static ExecutionLogOptions Options(int capacity = 1_000, int batchSize = 100, int maxAgeMs = 60_000) => new()
    {
        Capacity = capacity,
        BatchSize = batchSize,
        MaxBatchAgeMilliseconds = maxAgeMs,
        RetryInitialDelayMilliseconds = 1,
        RetryMaxDelayMilliseconds = 5,
    };

    [Fact]
    public async Task DisposeAsync_PartialBatchBuffered_FlushesEverything()
    {
        var sink = new InMemoryExecutionLogSink();
        var time = new TimerSignallingTimeProvider(ExecutionRecords.BaseTime);
        var records = ExecutionRecords.Mixed(ExecutionRecords.NewToolName(), 250);
        var writer = new ExecutionLogWriter(sink, Options(batchSize: 100), time);
        foreach (var record in records)
        {
            await writer.RecordAsync(record);
        }

        // The clock never moves: only the graceful stop can write the last partial batch.
        await writer.DisposeAsync();

        Assert.Equal(records.Select(r => r.ExecutionId).Order(), sink.Stored.Keys.Order());
        Assert.Equal(new ExecutionLogStatistics(250, 250, 0, 0, 0, 0, 0, writer.Statistics.Batches), writer.Statistics);
        Assert.Equal(0, writer.QueueDepth);
    }

    [Fact]
    public async Task RecordAsync_FullBatch_WrittenWithoutWaitingForAge()
    {
        var sink = new InMemoryExecutionLogSink();
        var time = new TimerSignallingTimeProvider(ExecutionRecords.BaseTime);
        await using var writer = new ExecutionLogWriter(sink, Options(batchSize: 10), time);
        var written = sink.WriteStarted.Task;
        foreach (var record in ExecutionRecords.Mixed(ExecutionRecords.NewToolName(), 10))
        {
            await writer.RecordAsync(record);
        }

        await written.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.FlushAsync();
        Assert.Equal([10], sink.BatchSizes);
    }

    [Fact]
    public async Task TryRecord_BatchFilledOneRecordAtATime_WrittenAsOneBatchWithoutWaitingForAge()
    {
        // The loop takes the first record and waits for the other nine, which come one at a time: the record that
        // fills the batch wakes it, and the clock never moves.
        var sink = new InMemoryExecutionLogSink();
        var time = new TimerSignallingTimeProvider(ExecutionRecords.BaseTime);
        await using var writer = new ExecutionLogWriter(sink, Options(batchSize: 10), time);
        var written = sink.WriteStarted.Task;
        var records = ExecutionRecords.Mixed(ExecutionRecords.NewToolName(), 10);
        var waiting = time.NextTimer;
        Assert.True(writer.TryRecord(records[0]));
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        foreach (var record in records.Skip(1))
        {
            Assert.False(written.IsCompleted);
            Assert.True(writer.TryRecord(record));
            await Task.Delay(1);
        }

        await written.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.FlushAsync();
        Assert.Equal([10], sink.BatchSizes);
    }

    [Fact]
    public async Task TryRecord_PartialBatch_WrittenWhenMaxAgePasses()
    {
        var sink = new InMemoryExecutionLogSink();
        var time = new TimerSignallingTimeProvider(ExecutionRecords.BaseTime);
        await using var writer = new ExecutionLogWriter(sink, Options(batchSize: 100, maxAgeMs: 200), time);
        var timer = time.NextTimer;
        var written = sink.WriteStarted.Task;

        Assert.True(writer.TryRecord(ExecutionRecords.Create(ExecutionRecords.NewToolName())));
        Assert.True(writer.TryRecord(ExecutionRecords.Create(ExecutionRecords.NewToolName())));
        await timer.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(written.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(200));
        await written.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.FlushAsync();
        Assert.Equal(2, sink.Stored.Count);
    }

    [Fact]
    public async Task RecordAsync_SinkBlocked_BufferStaysBoundedAndCallerWaits()
    {
        var sink = new InMemoryExecutionLogSink { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var writer = new ExecutionLogWriter(sink, Options(capacity: 50, batchSize: 10), TimeProvider.System);
        var tool = ExecutionRecords.NewToolName();
        var blocked = sink.WriteStarted.Task;

        // Fill until the buffer refuses: one batch is in the blocked sink, the buffer holds the capacity.
        var accepted = 0;
        for (var i = 0; i < 1_000; i++)
        {
            if (i == 10)
            {
                await blocked.WaitAsync(TimeSpan.FromSeconds(30));
            }

            if (!writer.TryRecord(ExecutionRecords.Create(tool, id: Guid.NewGuid())))
            {
                break;
            }

            accepted++;
        }

        Assert.Equal(60, accepted);
        Assert.Equal(50, writer.QueueDepth);
        var waiting = writer.RecordAsync(ExecutionRecords.Create(tool, id: Guid.NewGuid())).AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.True(writer.Statistics.Refused >= 1);

        sink.Gate.SetResult();
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        await writer.DisposeAsync();
        Assert.Equal(61, sink.Stored.Count);
        Assert.Equal(0, writer.Statistics.Dropped);
    }

    [Fact]
    public async Task TryRecord_ByteBudgetReached_RefusesUntilWritten()
    {
        var sink = new InMemoryExecutionLogSink { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var options = Options(capacity: 10_000, batchSize: 1);
        options.MaxBufferedBytes = 1_000_000;
        options.MaxDocumentBytes = 100_000;
        var writer = new ExecutionLogWriter(sink, options, TimeProvider.System);
        var big = new string('x', 100_000);
        var accepted = 0;
        while (writer.TryRecord(ExecutionRecords.Create(ExecutionRecords.NewToolName(), input: big, id: Guid.NewGuid())))
        {
            accepted++;
            Assert.True(accepted < 100, "the byte budget did not hold");
        }

        // Each record holds about 200 KB of UTF-16: five fit in 1 MB.
        Assert.InRange(accepted, 4, 6);
        Assert.InRange(writer.BufferedBytes, 0, 1_000_000);
        sink.Gate.SetResult();
        await writer.DisposeAsync();
        Assert.Equal(accepted, sink.Stored.Count);
    }

    [Fact]
    public async Task WriteFailures_BeforeAndAfterCommit_RetriedWithoutLossOrDuplicates()
    {
        var sink = new InMemoryExecutionLogSink();
        sink.FailBeforeCommit(3);
        sink.FailAfterCommit(2);
        var writer = new ExecutionLogWriter(sink, Options(batchSize: 50), TimeProvider.System);
        var records = ExecutionRecords.Mixed(ExecutionRecords.NewToolName(), 200);
        foreach (var record in records)
        {
            await writer.RecordAsync(record);
        }

        await writer.DisposeAsync();
        Assert.Equal(200, sink.Stored.Count);
        var statistics = writer.Statistics;
        Assert.Equal(5, statistics.Retries);
        Assert.Equal(200, statistics.Written);
        Assert.True(statistics.AlreadyStored > 0, "a batch retried after its commit must be recognised as stored");
        Assert.Equal(0, statistics.Dropped);
    }

    [Fact]
    public async Task RejectedRow_InLargeBatch_RestWrittenAndRowReported()
    {
        var sink = new InMemoryExecutionLogSink();
        var writer = new ExecutionLogWriter(sink, Options(batchSize: 64), TimeProvider.System);
        var records = ExecutionRecords.Mixed(ExecutionRecords.NewToolName(), 64);
        sink.Poison.Add(records[37].ExecutionId);
        var reported = new List<ExecutionRejection>();
        writer.Rejected += (_, rejection) => reported.Add(rejection);
        foreach (var record in records)
        {
            await writer.RecordAsync(record);
        }

        await writer.DisposeAsync();
        Assert.Equal(63, sink.Stored.Count);
        Assert.DoesNotContain(records[37].ExecutionId, sink.Stored.Keys);
        var rejection = Assert.Single(reported);
        Assert.Equal(records[37], rejection.Record);
        Assert.Equal("22021", rejection.ErrorCode);
        Assert.Equal([rejection], writer.RecentRejections);
        Assert.Equal(1, writer.Statistics.Rejected);
        Assert.Equal(0, writer.Statistics.Dropped);

        // Bisection costs about 2·log2(64) extra attempts, not one per row.
        Assert.InRange(sink.Attempts, 2, 14);
    }

    [Fact]
    public async Task StopAsync_DatabaseDownPastTimeout_ReportsTheRestAsDropped()
    {
        var sink = new InMemoryExecutionLogSink();
        sink.FailBeforeCommit(int.MaxValue);
        var writer = new ExecutionLogWriter(sink, Options(batchSize: 10), TimeProvider.System);
        var failing = sink.WriteStarted.Task;
        foreach (var record in ExecutionRecords.Mixed(ExecutionRecords.NewToolName(), 25))
        {
            await writer.RecordAsync(record);
        }

        await failing.WaitAsync(TimeSpan.FromSeconds(30));
        using var timeout = new CancellationTokenSource();
        await timeout.CancelAsync();
        await writer.StopAsync(timeout.Token);

        Assert.Empty(sink.Stored);
        Assert.Equal(25, writer.Statistics.Dropped);
        Assert.False(writer.TryRecord(ExecutionRecords.Create(ExecutionRecords.NewToolName())));
        await Assert.ThrowsAsync<InvalidOperationException>(() => writer.RecordAsync(ExecutionRecords.Create(ExecutionRecords.NewToolName())).AsTask());
        Assert.Equal(27, writer.Statistics.Dropped);
    }

    [Fact]
    public async Task TryRecord_OversizedDocuments_CappedAndFlagged()
    {
        var sink = new InMemoryExecutionLogSink();
        var options = Options(batchSize: 10);
        options.MaxDocumentBytes = 1_024;
        var writer = new ExecutionLogWriter(sink, options, TimeProvider.System);
        var input = "{\"text\":\"" + new string('é', 5_000) + "\"}";
        var record = ExecutionRecords.Create(ExecutionRecords.NewToolName(), input: input, output: new string('a', 2_000));

        Assert.True(writer.TryRecord(record));
        await writer.DisposeAsync();

        var stored = sink.Stored[record.ExecutionId];
        Assert.True(stored.InputTruncated);
        Assert.True(stored.OutputTruncated);
        Assert.Equal(input[..516], stored.Input);
        Assert.Equal(new string('a', 1_024), stored.Output);
    }

    [Fact]
    public async Task Metrics_NormalRun_ReportWrittenRowsAndNoDrops()
    {
        var totals = new Dictionary<string, long>();

        // Other tests' writers publish the same meter name at the same time: listen to this writer's meter only.
        using var meters = new ScopedMeterFactory();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Autonomy.ExecutionLog" && ReferenceEquals(instrument.Meter.Scope, meters))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        var sink = new InMemoryExecutionLogSink();
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            lock (totals)
            {
                totals[instrument.Name] = totals.GetValueOrDefault(instrument.Name) + value;
            }
        });
        listener.Start();

        var writer = new ExecutionLogWriter(sink, Options(batchSize: 50), TimeProvider.System, meterFactory: meters);
        foreach (var record in ExecutionRecords.Mixed(ExecutionRecords.NewToolName(), 120))
        {
            await writer.RecordAsync(record);
        }

        await writer.DisposeAsync();
        lock (totals)
        {
            Assert.Equal(120, totals.GetValueOrDefault("autonomy.execution_log.rows.written"));
            Assert.Equal(0, totals.GetValueOrDefault("autonomy.execution_log.rows.dropped"));
            Assert.Equal(0, totals.GetValueOrDefault("autonomy.execution_log.rows.rejected"));
        }
    }

    [Fact]
    public void FromResult_NormalisesTimesAndCopiesTheError()
    {
        var started = new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(12_345);
        var record = ExecutionRecords.Create("t", outcome: ExecutionOutcome.ToolError, startedAt: started, duration: TimeSpan.FromTicks(12_345_678));

        Assert.Equal(TimeSpan.Zero, record.StartedAt.Offset);
        Assert.Equal(started.UtcTicks - 2_345, record.StartedAt.UtcTicks);
        Assert.Equal(TimeSpan.FromTicks(12_345_670), record.Duration);
        Assert.Equal("System.FormatException", record.ErrorType);
        Assert.Equal(17, record.ErrorLine);
        Assert.Equal("Parse", record.ErrorMember);
        Assert.True(record.CountsAsToolFailure);
        var line = Assert.Single(ExecutionLogLines.Parse(record.LogLines));
        Assert.Equal("parsing \"hello\"", line.Message);
    }

    /// <summary>Creates meters scoped to itself, so a listener can tell them from other writers' meters of the same name.</summary>
    private sealed class ScopedMeterFactory : IMeterFactory
    {
        private readonly List<Meter> _meters = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
            _meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            foreach (var meter in _meters)
            {
                meter.Dispose();
            }
        }
    }
}
