using Autonomy.Core.Storage;
using Autonomy.Storage.Postgres;
using Autonomy.Storage.Tests.Support;
using Npgsql;

namespace Autonomy.Storage.Tests.ExecutionLog;

/// <summary>The execution log writer across a real PostgreSQL restart (<c>pg_ctl stop -m fast</c>, then start).</summary>
public sealed class PostgresRestartTests
{
    private const int Half = 20_000;

    [PrivatePostgresFact]
    public async Task Writer_ServerRestartedWhileBusy_BlocksCallersThenWritesEverythingOnce()
    {
        await using var server = await PrivatePostgresServer.StartAsync();
        await using var dataSource = PostgresConnections.CreateDataSource(server.ConnectionString);
        await PostgresMigrator.MigrateAsync(dataSource);
        var tool = ExecutionRecords.NewToolName();
        var records = ExecutionRecords.Mixed(tool, 2 * Half, seed: 37);
        var options = new ExecutionLogOptions
        {
            BatchSize = 500,
            Capacity = 2_000,
            RetryInitialDelayMilliseconds = 20,
            RetryMaxDelayMilliseconds = 250,
        };
        var writer = new ExecutionLogWriter(new PostgresExecutionLogSink(dataSource), options, TimeProvider.System);

        foreach (var record in records[..Half])
        {
            await writer.RecordAsync(record);
        }

        // The first half may still be in flight: the fast shutdown kills those writes mid-COPY or mid-commit.
        await server.StopAsync();
        var secondHalf = Task.Run(async () =>
        {
            foreach (var record in records[Half..])
            {
                await writer.RecordAsync(record);
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.False(secondHalf.IsCompleted, "the writer took 20,000 records with the database down: it is not bounded");
        var held = writer.Statistics.Accepted - writer.Statistics.Written;
        Assert.True(held <= options.Capacity + (options.BatchSize * options.MaxConcurrentBatches), $"{held} records held in memory, above the bound");

        await server.StartAgainAsync();
        await secondHalf.WaitAsync(TimeSpan.FromSeconds(60));
        await writer.DisposeAsync();

        Assert.True(writer.Statistics.Retries >= 1, "no write failed: the restart did not hit the writer");
        Assert.Equal(0, writer.Statistics.Dropped);
        Assert.Equal(0, writer.Statistics.Rejected);
        await using var count = dataSource.CreateCommand("SELECT count(*), count(DISTINCT execution_id) FROM tool_executions WHERE tool_name = $1");
        count.Parameters.Add(new NpgsqlParameter { Value = tool });
        await using var reader = await count.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal(2 * Half, reader.GetInt64(0));
        Assert.Equal(2 * Half, reader.GetInt64(1));
        await reader.DisposeAsync();

        var rollups = await new PostgresExecutionStore(dataSource)
            .ReadRollupsAsync(tool, null, ExecutionRecords.BaseTime, ExecutionRecords.BaseTime.AddDays(1));
        var expected = ExecutionRollupAggregator.Aggregate(records);
        Assert.Equal(expected.Count, rollups.Count);
        Assert.All(expected.Zip(rollups), pair => Assert.True(pair.First.SameAs(pair.Second)));
    }
}
