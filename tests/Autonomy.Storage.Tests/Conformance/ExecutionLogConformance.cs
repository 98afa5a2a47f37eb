using Autonomy.Abstractions.Execution;
using Autonomy.Core.Storage;
using Autonomy.Storage.Tests.ExecutionLog;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>
/// The execution log's conformance suite: the same assertions against every backend's sink and store.
/// Each test uses fresh tool names (and its own time window where it scans all tools), so tests share a database.
/// </summary>
public abstract class ExecutionLogConformance
{
    protected abstract IExecutionLogSink CreateSink();

    protected abstract IExecutionStore Store { get; }

    /// <summary>Counts the raw rows of a tool in <c>tool_executions</c>.</summary>
    protected abstract Task<long> CountRowsAsync(string toolName);

    /// <summary>
    /// Reads a tool's rows of <c>tool_execution_daily_rollups</c> as rollups (the day's midnight in
    /// <see cref="ExecutionRollup.BucketStart"/>, no histogram), ordered by version and day.
    /// </summary>
    protected abstract Task<IReadOnlyList<ExecutionRollup>> ReadDailyRollupsAsync(string toolName);

    [ConformanceFact]
    public async Task WriteAsync_Records_ReadBackEqual()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = Enum.GetValues<ExecutionOutcome>()
            .Select((outcome, i) => ExecutionRecords.Create(tool, outcome: outcome, startedAt: ExecutionRecords.BaseTime.AddSeconds(i)))
            .Append(ExecutionRecords.Create(tool, input: null, startedAt: ExecutionRecords.BaseTime.AddMinutes(5)) with
            {
                LogLines = null,
                Caller = null,
                Silo = null,
                InputTruncated = true,
            })
            .ToList();

        Assert.Equal(records.Count, await CreateSink().WriteAsync(records));

        var read = await Store.ReadByIdsAsync(records.Select(r => r.ExecutionId).ToList());
        Assert.Equal(records.OrderBy(r => r.ExecutionId), read.OrderBy(r => r.ExecutionId));
    }

    [ConformanceFact]
    public async Task WriteAsync_EachColumnRepeatedThenChangedThenNullThenBack_EveryRowReadBackAsWritten()
    {
        // A sink may carry a row's values over to the next (SQLite keeps bindings): every column here is by turns
        // repeated, changed, made null and given back, in one batch.
        var tool = ExecutionRecords.NewToolName();
        var failed = ExecutionRecords.Create(tool, outcome: ExecutionOutcome.ToolError, startedAt: ExecutionRecords.BaseTime);
        var succeeded = ExecutionRecords.Create(tool, startedAt: ExecutionRecords.BaseTime.AddSeconds(2)) with
        {
            LogLines = null,
            Caller = null,
            Silo = null,
        };
        ExecutionRecord Again(ExecutionRecord record, int second) =>
            record with { ExecutionId = Guid.CreateVersion7(ExecutionRecords.BaseTime.AddSeconds(second)), StartedAt = ExecutionRecords.BaseTime.AddSeconds(second) };
        var records = new List<ExecutionRecord>
        {
            failed,
            Again(failed, 1),
            succeeded,
            Again(succeeded, 3),
            Again(failed, 4) with { ToolVersion = 2, ErrorLine = 18, Caller = "agent-8", InputTruncated = true },
            Again(failed, 5) with { ErrorLine = null, ErrorMember = null, Silo = null, Message = "other", Output = null },
            Again(succeeded, 6) with { Caller = "agent-7", Silo = "silo-a", Budget = ExceededBudget.Memory, DroppedLogLines = 3 },
            Again(failed, 7),
        };

        Assert.Equal(records.Count, await CreateSink().WriteAsync(records));

        var read = await Store.ReadByIdsAsync(records.Select(r => r.ExecutionId).ToList());
        Assert.Equal(records.OrderBy(r => r.ExecutionId), read.OrderBy(r => r.ExecutionId));
    }

    [ConformanceFact]
    public async Task ReadRecentAsync_TwoVersions_NewestFirstFilteredAndPaged()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = Enumerable.Range(0, 10)
            .Select(i => ExecutionRecords.Create(tool, version: 1 + (i % 2), startedAt: ExecutionRecords.BaseTime.AddMinutes(i)))
            .ToList();
        await CreateSink().WriteAsync(records);

        var recent = await Store.ReadRecentAsync(tool, null, 3);
        Assert.Equal(records.OrderByDescending(r => r.StartedAt).Take(3), recent);

        var version2 = await Store.ReadRecentAsync(tool, 2, 100);
        Assert.Equal(records.Where(r => r.ToolVersion == 2).OrderByDescending(r => r.StartedAt), version2);

        var page = await Store.ReadRecentAsync(tool, null, 2, before: records[5].StartedAt);
        Assert.Equal([records[4], records[3]], page);
    }

    [ConformanceFact]
    public async Task ReadFailuresAsync_MixedOutcomes_OnlyFailuresSince()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 60, seed: 7);
        await CreateSink().WriteAsync(records);
        var since = ExecutionRecords.BaseTime.AddMinutes(60);

        var failures = await Store.ReadFailuresAsync(tool, since, 1_000);

        var expected = records.Where(r => r.CountsAsToolFailure && r.StartedAt >= since).OrderByDescending(r => r.StartedAt).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, failures);
    }

    [ConformanceFact]
    public async Task WriteAsync_SeveralBatches_RollupsMatchTheRawRows()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 500, seed: 3);
        var sink = CreateSink();
        foreach (var batch in records.Chunk(77))
        {
            await sink.WriteAsync(batch);
        }

        // Counts are written with each batch; a sink may defer histograms until it is flushed.
        await sink.FlushAsync();
        var raw = await Store.ReadRecentAsync(tool, null, 10_000);
        Assert.Equal(500, raw.Count);
        var expected = ExecutionRollupAggregator.Aggregate(raw);
        var rollups = await Store.ReadRollupsAsync(tool, null, ExecutionRecords.BaseTime, ExecutionRecords.BaseTime.AddDays(1));

        Assert.Equal(6, rollups.Count);
        Assert.Equal(expected.Count, rollups.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.True(expected[i].SameAs(rollups[i]), $"rollup {i}: expected {expected[i]}, read {rollups[i]}");
        }

        var version1 = await Store.ReadRollupsAsync(tool, 1, ExecutionRecords.BaseTime.AddMinutes(70), ExecutionRecords.BaseTime.AddHours(2));
        Assert.Equal([ExecutionRecords.BaseTime.AddHours(1)], version1.Select(r => r.BucketStart));
    }

    [ConformanceFact]
    public async Task ReadToolUsageAsync_SeveralVersionsAndDays_AllExecutionsAndTheLastHourOfTheLastDay()
    {
        var tool = ExecutionRecords.NewToolName("usage");
        var other = ExecutionRecords.NewToolName("usage");
        var day = ExecutionRecords.BaseTime.Date;
        var start = new DateTimeOffset(day, TimeSpan.Zero);
        List<ExecutionRecord> records =
        [
            // Version 3 last ran late on the first day; version 1 ran after it, early on the next day: the tool's last
            // hour is version 1's, although version 3's hour of day is later.
            ExecutionRecords.Create(tool, version: 3, startedAt: start.AddHours(23).AddMinutes(40)),
            ExecutionRecords.Create(tool, version: 3, outcome: ExecutionOutcome.ToolError, startedAt: start.AddHours(2)),
            ExecutionRecords.Create(tool, version: 1, startedAt: start.AddHours(10)),
            ExecutionRecords.Create(tool, version: 1, outcome: ExecutionOutcome.InvalidInput, startedAt: start.AddDays(1).AddHours(1).AddMinutes(5)),
            ExecutionRecords.Create(tool, version: 1, outcome: ExecutionOutcome.Timeout, startedAt: start.AddDays(1).AddMinutes(59)),
            ExecutionRecords.Create(other, version: 2, startedAt: start.AddDays(-3).AddHours(4).AddMinutes(30)),
            ExecutionRecords.Create(other, version: 2, startedAt: start.AddDays(-3).AddHours(4).AddMinutes(31)),
        ];
        var sink = CreateSink();
        await sink.WriteAsync(records[..3]);
        await sink.WriteAsync(records[3..]);
        await sink.FlushAsync();

        var usage = (await Store.ReadToolUsageAsync()).Where(u => u.ToolName == tool || u.ToolName == other).ToList();

        Assert.Equal(
            new[]
            {
                new ToolUsage(other, 2, start.AddDays(-3).AddHours(4)),
                new ToolUsage(tool, 5, start.AddDays(1).AddHours(1)),
            }.OrderBy(u => u.ToolName, StringComparer.Ordinal),
            usage);
        Assert.Equal(start.AddDays(1).AddHours(2), usage.Single(u => u.ToolName == tool).LastUsedBy);
    }

    [ConformanceFact]
    public async Task ReadToolUsageAsync_MoreExecutionsLater_CountsEveryExecutionOnce()
    {
        var tool = ExecutionRecords.NewToolName("usage");
        var records = ExecutionRecords.Mixed(tool, 120, seed: 11);
        var sink = CreateSink();
        await sink.WriteAsync(records[..70]);
        await sink.WriteAsync(records[..70]);
        var first = (await Store.ReadToolUsageAsync()).Single(u => u.ToolName == tool);
        await sink.WriteAsync(records[50..]);
        await sink.FlushAsync();

        var second = (await Store.ReadToolUsageAsync()).Single(u => u.ToolName == tool);

        Assert.Equal(70, first.Executions);
        Assert.Equal(ExecutionRollup.BucketOf(records[..70].Max(r => r.StartedAt)), first.LastHourStart);
        Assert.Equal(new ToolUsage(tool, 120, ExecutionRollup.BucketOf(records.Max(r => r.StartedAt))), second);
    }

    [ConformanceFact]
    public async Task WriteAsync_SameRecordsAgain_NoDuplicatesAndRollupsCountedOnce()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 100, seed: 5);
        var sink = CreateSink();

        Assert.Equal(60, await sink.WriteAsync(records[..60]));
        Assert.Equal(0, await sink.WriteAsync(records[..60]));
        Assert.Equal(40, await sink.WriteAsync(records[20..]));
        await sink.FlushAsync();

        Assert.Equal(100, await CountRowsAsync(tool));
        var rollups = await Store.ReadRollupsAsync(tool, null, ExecutionRecords.BaseTime, ExecutionRecords.BaseTime.AddDays(1));
        var expected = ExecutionRollupAggregator.Aggregate(records);
        Assert.Equal(expected.Count, rollups.Count);
        Assert.All(expected.Zip(rollups), pair => Assert.True(pair.First.SameAs(pair.Second)));
    }

    [ConformanceFact]
    public async Task FindToolsBelowSuccessRateAsync_Window_OnlyToolsBelowWithEnoughExecutions()
    {
        // A window no other test writes into, so the scan over all tools sees only these.
        var window = new DateTimeOffset(2041, 6, 1, 0, 0, 0, TimeSpan.Zero).AddHours(Random.Shared.Next(0, 100_000));
        var prefix = ExecutionRecords.NewToolName("scan");
        var records = new List<ExecutionRecord>();
        void Add(string name, int version, int successes, int failures, int invalidInputs, DateTimeOffset at)
        {
            var outcomes = Enumerable.Repeat(ExecutionOutcome.Success, successes)
                .Concat(Enumerable.Range(0, failures).Select(i => (ExecutionOutcome)(1 + (i % 3))))
                .Concat(Enumerable.Repeat(ExecutionOutcome.InvalidInput, invalidInputs));
            records.AddRange(outcomes.Select((o, i) => ExecutionRecords.Create($"{prefix}-{name}", version, o, at.AddSeconds(i), id: Guid.NewGuid())));
        }

        Add("half", 1, 5, 5, 0, window.AddHours(1));                 // 0.5 over 10: found
        Add("good", 1, 8, 2, 0, window.AddHours(2));                 // 0.8: not below
        Add("few", 1, 1, 4, 0, window.AddHours(3));                  // 0.2 but only 5: too few
        Add("callers", 1, 6, 4, 20, window.AddHours(4));             // 0.6 over 10 attributable; invalid input ignored
        Add("edge", 1, 7, 3, 0, window.AddHours(5));                 // exactly 0.7: not below
        Add("versions", 1, 3, 3, 0, window.AddHours(6));             // 6 + 6 over two versions: 0.25 over 12
        Add("versions", 2, 0, 6, 0, window.AddHours(7));
        Add("outside", 1, 0, 20, 0, window.AddHours(30));            // after the window
        Add("early", 1, 0, 20, 0, window.AddHours(-2));              // before the window
        var sink = CreateSink();
        foreach (var batch in records.Chunk(25))
        {
            await sink.WriteAsync(batch);
        }

        var found = await Store.FindToolsBelowSuccessRateAsync(window.AddMinutes(30), window.AddHours(24), 0.7, 10, 100);

        Assert.Equal(
            [
                new ToolRollupSummary($"{prefix}-versions", 3, 3, 3, 3, 0, 0),
                new ToolRollupSummary($"{prefix}-half", 5, 2, 2, 1, 0, 0),
                new ToolRollupSummary($"{prefix}-callers", 6, 2, 1, 1, 20, 0),
            ],
            found);
        Assert.Equal(0.6, found[2].SuccessRate, 9);
        Assert.Single(await Store.FindToolsBelowSuccessRateAsync(window, window.AddHours(24), 0.7, 10, 1));
    }

    [ConformanceFact]
    public async Task WriteAsync_RowBreakingAConstraint_RejectedAndNothingWritten()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 10);
        records[4] = records[4] with { ToolVersion = 0 };

        var rejected = await Assert.ThrowsAsync<ExecutionBatchRejectedException>(() => CreateSink().WriteAsync(records));

        Assert.NotNull(rejected.ErrorCode);
        Assert.Equal(0, await CountRowsAsync(tool));
        Assert.Empty(await Store.ReadRollupsAsync(tool, null, ExecutionRecords.BaseTime, ExecutionRecords.BaseTime.AddDays(1)));
    }

    [ConformanceFact]
    public async Task Writer_BatchWithARejectedRow_RestWrittenAndRowReported()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 300, seed: 11);
        records[123] = records[123] with { ToolVersion = 0 };
        var writer = new ExecutionLogWriter(CreateSink(), new ExecutionLogOptions { BatchSize = 100 }, TimeProvider.System);
        foreach (var record in records)
        {
            await writer.RecordAsync(record);
        }

        await writer.DisposeAsync();

        Assert.Equal(299, await CountRowsAsync(tool));
        var rejection = Assert.Single(writer.RecentRejections);
        Assert.Equal(records[123].ExecutionId, rejection.Record.ExecutionId);
        Assert.Equal(new ExecutionLogStatistics(300, 299, 0, 1, 0, 0, 0, writer.Statistics.Batches), writer.Statistics);
        var rollups = await Store.ReadRollupsAsync(tool, null, ExecutionRecords.BaseTime, ExecutionRecords.BaseTime.AddDays(1));
        Assert.Equal(299, rollups.Sum(r => r.Total));
    }

    [ConformanceFact]
    public async Task Writer_DisposeAsync_EverythingStored()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 2_500, seed: 13);
        var time = new TimerSignallingTimeProvider(ExecutionRecords.BaseTime);
        var writer = new ExecutionLogWriter(CreateSink(), new ExecutionLogOptions { BatchSize = 1_000 }, time);
        foreach (var record in records)
        {
            await writer.RecordAsync(record);
        }

        await writer.DisposeAsync();

        Assert.Equal(2_500, await CountRowsAsync(tool));
        Assert.Equal(0, writer.Statistics.Dropped);
        var rollups = await Store.ReadRollupsAsync(tool, null, ExecutionRecords.BaseTime, ExecutionRecords.BaseTime.AddDays(1));
        Assert.Equal(2_500, rollups.Sum(r => r.Total));
    }

    [ConformanceFact]
    public async Task Writer_OversizedDocuments_StoredCappedWithTruncationRecorded()
    {
        var tool = ExecutionRecords.NewToolName();
        var options = new ExecutionLogOptions { MaxDocumentBytes = 64 * 1024 };
        var input = "{\"text\":\"" + new string('ü', 100_000) + "\"}";
        var output = new string('o', 200_000);
        var record = ExecutionRecords.Create(tool, input: input, output: output);
        var small = ExecutionRecords.Create(tool, startedAt: ExecutionRecords.BaseTime.AddMinutes(1));
        var writer = new ExecutionLogWriter(CreateSink(), options, TimeProvider.System);

        Assert.True(writer.TryRecord(record));
        Assert.True(writer.TryRecord(small));
        await writer.DisposeAsync();

        var read = (await Store.ReadByIdsAsync([record.ExecutionId, small.ExecutionId])).ToDictionary(r => r.ExecutionId);
        Assert.True(read[record.ExecutionId].InputTruncated);
        Assert.True(read[record.ExecutionId].OutputTruncated);
        Assert.Equal(input[..((64 * 1024 - 9) / 2 + 9)], read[record.ExecutionId].Input);
        Assert.Equal(output[..(64 * 1024)], read[record.ExecutionId].Output);
        Assert.Equal(small, read[small.ExecutionId]);
    }

    [ConformanceFact]
    public async Task Writers_SeveralSilosConcurrently_AllRowsOnceAndRollupsExact()
    {
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 4_000, seed: 17);
        var options = new ExecutionLogOptions { BatchSize = 250, MaxBatchAgeMilliseconds = 20 };
        var writers = Enumerable.Range(0, 4).Select(_ => new ExecutionLogWriter(CreateSink(), options, TimeProvider.System)).ToList();

        // Each silo records its quarter, and every tenth record is also delivered to a second silo.
        await Task.WhenAll(writers.Select((writer, silo) => Task.Run(async () =>
        {
            for (var i = 0; i < records.Count; i++)
            {
                if (i % writers.Count == silo || (i % 10 == 0 && (i + 1) % writers.Count == silo))
                {
                    await writer.RecordAsync(records[i]);
                }
            }
        })));
        foreach (var writer in writers)
        {
            await writer.DisposeAsync();
        }

        Assert.Equal(4_000, await CountRowsAsync(tool));
        Assert.Equal(4_400, writers.Sum(w => w.Statistics.Written));
        Assert.Equal(400, writers.Sum(w => w.Statistics.AlreadyStored));
        Assert.All(writers, w => Assert.Equal(0, w.Statistics.Dropped));
        var rollups = await Store.ReadRollupsAsync(tool, null, ExecutionRecords.BaseTime, ExecutionRecords.BaseTime.AddDays(1));
        var expected = ExecutionRollupAggregator.Aggregate(records);
        Assert.Equal(expected.Count, rollups.Count);
        Assert.All(expected.Zip(rollups), pair => Assert.True(pair.First.SameAs(pair.Second)));
    }

    [ConformanceFact]
    public async Task WriteAsync_BatchesAcrossMidnightWithARedelivery_DailyRowsAreTheSumsOfTheHourlyRows()
    {
        var tool = ExecutionRecords.NewToolName();
        var midnight = ExecutionRollupAggregator.DayOf(ExecutionRecords.BaseTime).AddDays(1);
        var random = new Random(23);
        var outcomes = Enum.GetValues<ExecutionOutcome>();
        var records = Enumerable.Range(0, 400)
            .Select(i => ExecutionRecords.Create(
                tool,
                version: 1 + (i % 2),
                outcome: outcomes[random.Next(outcomes.Length)],
                startedAt: midnight.AddMinutes(random.Next(-150, 150)).AddMilliseconds(random.Next(0, 60_000)),
                duration: TimeSpan.FromMicroseconds(random.Next(20, 2_000_000)),
                id: Guid.NewGuid()))
            .ToList();
        var sink = CreateSink();

        foreach (var batch in records[..250].Chunk(60))
        {
            await sink.WriteAsync(batch);
        }

        // A re-delivery overlapping what is stored (a retry after a lost acknowledgement), then the rest.
        Assert.Equal(0, await sink.WriteAsync(records[100..250]));
        Assert.Equal(150, await sink.WriteAsync(records[180..]));

        Assert.Equal(400, await CountRowsAsync(tool));
        var hourly = await Store.ReadRollupsAsync(tool, null, midnight.AddDays(-1), midnight.AddDays(1));
        Assert.Equal(400, hourly.Sum(r => r.Total));
        var daily = await ReadDailyRollupsAsync(tool);
        var fromHourly = ExecutionRollupAggregator.AggregateDaily(hourly);
        var fromRecords = ExecutionRollupAggregator.AggregateDaily(ExecutionRollupAggregator.Aggregate(records));
        Assert.Equal(4, daily.Count);
        Assert.Equal([midnight.AddDays(-1), midnight, midnight.AddDays(-1), midnight], daily.Select(d => d.BucketStart));
        Assert.Equal(fromRecords.Count, daily.Count);
        for (var i = 0; i < daily.Count; i++)
        {
            Assert.True(fromHourly[i].SameAs(daily[i]), $"day {i}: hourly rows sum to {fromHourly[i]}, daily row is {daily[i]}");
            Assert.True(fromRecords[i].SameAs(daily[i]), $"day {i}: executions sum to {fromRecords[i]}, daily row is {daily[i]}");
        }
    }

    [ConformanceFact]
    public async Task FindToolsBelowSuccessRateAsync_WindowsOfSeveralDays_SameCountsAsSummingTheExecutions()
    {
        // An era no other test writes into, so the scan over all tools sees only these tools.
        var firstDay = new DateTimeOffset(2071, 1, 1, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 3_000));
        var prefix = ExecutionRecords.NewToolName("days");
        var random = new Random(29);
        var outcomes = Enum.GetValues<ExecutionOutcome>();
        var records = new List<ExecutionRecord>();
        for (var t = 0; t < 12; t++)
        {
            var failureRate = t * 0.08;
            for (var i = 0; i < 150; i++)
            {
                var outcome = random.NextDouble() < 0.05
                    ? ExecutionOutcome.InvalidInput
                    : random.NextDouble() < failureRate ? outcomes[1 + random.Next(5)] : ExecutionOutcome.Success;
                outcome = outcome == ExecutionOutcome.InvalidInput && random.Next(2) == 0 ? ExecutionOutcome.InvalidOutput : outcome;
                records.Add(ExecutionRecords.Create(
                    $"{prefix}-{t:D2}",
                    version: 1 + (i % 3),
                    outcome: outcome,
                    startedAt: firstDay.AddMinutes(random.Next(0, 5 * 24 * 60)).AddMilliseconds(random.Next(0, 60_000)),
                    duration: TimeSpan.FromMicroseconds(random.Next(20, 200_000)),
                    id: Guid.NewGuid()));
            }
        }

        var sink = CreateSink();
        foreach (var batch in records.Chunk(170))
        {
            await sink.WriteAsync(batch);
        }

        Assert.Equal(0, await sink.WriteAsync(records[300..700]));

        (DateTimeOffset From, DateTimeOffset To)[] windows =
        [
            (firstDay.AddHours(5).AddMinutes(30), firstDay.AddDays(3).AddHours(7).AddMinutes(15)),  // neither end aligned
            (firstDay.AddHours(23).AddMinutes(59), firstDay.AddDays(4).AddMilliseconds(1)),         // edges of one hour and one millisecond
            (firstDay.AddDays(1), firstDay.AddDays(3)),                                             // whole days only
            (firstDay.AddDays(1), firstDay.AddDays(3).AddHours(13)),                                // aligned start
            (firstDay.AddHours(13).AddMinutes(1), firstDay.AddDays(2)),                             // aligned end
            (firstDay.AddDays(2).AddHours(3), firstDay.AddDays(2).AddHours(20).AddMinutes(40)),     // within one day
            (firstDay.AddHours(22), firstDay.AddDays(1).AddHours(2)),                               // across one midnight
            (firstDay.AddDays(-3), firstDay.AddDays(9)),                                            // all of it
            (firstDay.AddDays(2).AddHours(5), firstDay.AddDays(2).AddHours(5)),                     // empty
        ];
        foreach (var (from, to) in windows)
        {
            foreach (var (rate, min) in new[] { (1.01, 1), (0.7, 10), (0.5, 30) })
            {
                var expected = ExpectedBelow(records, from, to, rate, min);
                var found = await Store.FindToolsBelowSuccessRateAsync(from, to, rate, min, 1_000);
                Assert.True(
                    expected.SequenceEqual(found),
                    $"window {from:O} to {to:O}, below {rate} with {min}: expected [{string.Join(", ", expected)}], found [{string.Join(", ", found)}]");
            }
        }

        Assert.NotEmpty(ExpectedBelow(records, windows[0].From, windows[0].To, 0.7, 10));
    }

    [ConformanceFact]
    public async Task ScanToolsBelowSuccessRateAsync_TodaySoFarAndYesterday_WorstBelowAndTheJudgedCountAfterEveryBatch()
    {
        // An era no other test writes into; "now" is 10:30 on its third day. The loop's window is yesterday and today
        // up to the next midnight: whole days, read from the daily rows the sink updates with every batch.
        var today = new DateTimeOffset(2111, 1, 3, 0, 0, 0, TimeSpan.Zero).AddDays(Random.Shared.Next(0, 3_000));
        var (from, to) = (today.AddDays(-1), today.AddDays(1));
        var prefix = ExecutionRecords.NewToolName("judged");
        var random = new Random(31);
        var outcomes = Enum.GetValues<ExecutionOutcome>();
        var records = new List<ExecutionRecord>();
        for (var t = 0; t < 10; t++)
        {
            var failureRate = t * 0.1;
            for (var i = 0; i < 40 + (t * 3); i++)
            {
                var outcome = random.NextDouble() < 0.1
                    ? ExecutionOutcome.InvalidInput
                    : random.NextDouble() < failureRate ? outcomes[1 + random.Next(5)] : ExecutionOutcome.Success;
                records.Add(ExecutionRecords.Create(
                    $"{prefix}-{t:D2}",
                    version: 1 + (i % 2),
                    outcome: outcome,
                    startedAt: today.AddDays(-2).AddMinutes(random.Next(0, (2 * 24 * 60) + (10 * 60) + 30)),
                    id: Guid.NewGuid()));
            }
        }

        // Tool 10: nine failures in the window, too few to be judged at 10; tool 11: thirty failures just before it.
        records.AddRange(Enumerable.Range(0, 9).Select(i => ExecutionRecords.Create($"{prefix}-10", outcome: ExecutionOutcome.ToolError, startedAt: today.AddHours(-1 - i), id: Guid.NewGuid())));
        records.AddRange(Enumerable.Range(0, 30).Select(i => ExecutionRecords.Create($"{prefix}-11", outcome: ExecutionOutcome.ToolError, startedAt: from.AddMinutes(-1 - i), id: Guid.NewGuid())));
        records = [.. records.OrderBy(r => r.StartedAt)];

        var sink = CreateSink();
        var written = 0;
        foreach (var batch in records.Chunk(90))
        {
            await sink.WriteAsync(batch);
            written += batch.Length;
            var stored = records.Take(written).ToList();
            var expected = ExpectedBelow(stored, from, to, 0.7, 10);
            var judged = ExpectedBelow(stored, from, to, 1.01, 10).Count;

            var scan = await Store.ScanToolsBelowSuccessRateAsync(from, to, 0.7, 10, 1_000);

            Assert.True(
                (judged, true) == (scan.ToolsJudged, expected.SequenceEqual(scan.Below)),
                $"after {written} executions: expected {judged} judged and [{string.Join(", ", expected)}], found {scan.ToolsJudged} and [{string.Join(", ", scan.Below)}]");
            Assert.Equal(await Store.FindToolsBelowSuccessRateAsync(from, to, 0.7, 10, 1_000), scan.Below);
        }

        var all = ExpectedBelow(records, from, to, 0.7, 10);
        Assert.True(all.Count >= 3, $"only {all.Count} tools below");
        Assert.Equal(10, (await Store.ScanToolsBelowSuccessRateAsync(from, to, 0.7, 10, 1_000)).ToolsJudged);
        Assert.Equal(new ToolRollupScan(10, [.. all.Take(2)]), await Store.ScanToolsBelowSuccessRateAsync(from, to, 0.7, 10, 2), ScanComparer.Instance);
        Assert.Equal(new ToolRollupScan(10, []), await Store.ScanToolsBelowSuccessRateAsync(from, to, 0.7, 10, 0), ScanComparer.Instance);
        Assert.Equal(new ToolRollupScan(10, []), await Store.ScanToolsBelowSuccessRateAsync(from, to, 0, 10, 1_000), ScanComparer.Instance);
        Assert.Equal(new ToolRollupScan(11, ExpectedBelow(records, from, to, 0.7, 0)), await Store.ScanToolsBelowSuccessRateAsync(from, to, 0.7, 0, 1_000), ScanComparer.Instance);
        Assert.Equal(new ToolRollupScan(0, []), await Store.ScanToolsBelowSuccessRateAsync(to, to.AddDays(1), 0.7, 10, 1_000), ScanComparer.Instance);
        Assert.Equal(new ToolRollupScan(0, []), await Store.ScanToolsBelowSuccessRateAsync(today.AddHours(5), today.AddHours(5), 0.7, 10, 1_000), ScanComparer.Instance);
    }

    /// <summary>Compares two scans by their count and their rows in order (a record compares its list by reference).</summary>
    private sealed class ScanComparer : IEqualityComparer<ToolRollupScan>
    {
        public static readonly ScanComparer Instance = new();

        public bool Equals(ToolRollupScan? x, ToolRollupScan? y) =>
            x is not null && y is not null && x.ToolsJudged == y.ToolsJudged && x.Below.SequenceEqual(y.Below);

        public int GetHashCode(ToolRollupScan obj) => obj.ToolsJudged;
    }

    /// <summary>The scan's answer computed from the executions: every execution whose hour starts in [hour of from, to).</summary>
    private static List<ToolRollupSummary> ExpectedBelow(
        IEnumerable<ExecutionRecord> records, DateTimeOffset from, DateTimeOffset to, double rate, int min)
    {
        var start = ExecutionRollup.BucketOf(from);
        return records
            .Where(r => ExecutionRollup.BucketOf(r.StartedAt) >= start && ExecutionRollup.BucketOf(r.StartedAt) < to)
            .GroupBy(r => r.ToolName)
            .Select(g => new ToolRollupSummary(
                g.Key,
                g.LongCount(r => r.Outcome == ExecutionOutcome.Success),
                g.LongCount(r => r.Outcome == ExecutionOutcome.ToolError),
                g.LongCount(r => r.Outcome == ExecutionOutcome.Timeout),
                g.LongCount(r => r.Outcome == ExecutionOutcome.BudgetExceeded),
                g.LongCount(r => r.Outcome == ExecutionOutcome.InvalidInput),
                g.LongCount(r => r.Outcome == ExecutionOutcome.InvalidOutput)))
            .Where(t => t.Attributable >= min && t.Successes < rate * t.Attributable)
            .OrderBy(t => (double)t.Successes / t.Attributable)
            .ThenBy(t => t.ToolName, StringComparer.Ordinal)
            .ToList();
    }
}
