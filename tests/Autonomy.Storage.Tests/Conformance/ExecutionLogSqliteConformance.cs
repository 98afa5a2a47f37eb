using Autonomy.Core.Storage;
using Autonomy.Storage.Embedded;
using Autonomy.Storage.Tests.ExecutionLog;
using Autonomy.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>The execution log conformance suite on the embedded SQLite file.</summary>
public sealed class ExecutionLogSqliteConformance(SqliteDatabase database)
    : ExecutionLogConformance, IClassFixture<SqliteDatabase>
{
    protected override IExecutionStore Store => new SqliteExecutionStore(database.Connections);

    protected override IExecutionLogSink CreateSink() => new SqliteExecutionLogSink(database.Connections);

    protected override async Task<long> CountRowsAsync(string toolName) =>
        (await database.QueryAsync(
            "SELECT count(*) FROM tool_executions WHERE tool_name = $tool",
            r => r.GetInt64(0),
            new SqliteParameter("$tool", toolName))).Single();

    protected override async Task<IReadOnlyList<ExecutionRollup>> ReadDailyRollupsAsync(string toolName) =>
        await database.QueryAsync(
            """
            SELECT tool_name, tool_version, day_start, success_count, tool_error_count, timeout_count, budget_exceeded_count, invalid_input_count, invalid_output_count, duration_sum_us, duration_min_us, duration_max_us
            FROM tool_execution_daily_rollups WHERE tool_name = $tool ORDER BY tool_version, day_start
            """,
            r => new ExecutionRollup(
                r.GetString(0),
                r.GetInt32(1),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(2)),
                checked((int)r.GetInt64(3)),
                checked((int)r.GetInt64(4)),
                checked((int)r.GetInt64(5)),
                checked((int)r.GetInt64(6)),
                checked((int)r.GetInt64(7)),
                checked((int)r.GetInt64(8)),
                r.GetInt64(9),
                r.GetInt64(10),
                r.GetInt64(11),
                []),
            new SqliteParameter("$tool", toolName));

    [Fact]
    public async Task ReadFailuresQuery_UsesThePartialFailuresIndex()
    {
        // SQLite uses a partial index only for a query that repeats its terms (migration 0008 rewrote them).
        var plan = await database.QueryAsync(
            $"""
            EXPLAIN QUERY PLAN
            SELECT execution_id FROM tool_executions
            WHERE tool_name = $tool AND {SqliteExecutionStore.FailureOutcomes} AND started_at >= $since
            ORDER BY started_at DESC, execution_id DESC
            """,
            r => r.GetString(3),
            new SqliteParameter("$tool", "parse_date"),
            new SqliteParameter("$since", (object)0L));

        Assert.Contains(plan, step => step.Contains("ix_tool_executions_tool_failures", StringComparison.Ordinal));
    }

    [Fact]
    public async Task FlushAsync_AfterABatch_RowsAreInTheDatabaseFileItself()
    {
        // With synchronous = NORMAL only a checkpoint syncs the WAL: after the sink's flush the rows must be in the
        // main file, which is what survives a power loss. A copy of the file alone, without its WAL, shows them.
        var tool = ExecutionRecords.NewToolName();
        var sink = new SqliteExecutionLogSink(database.Connections);
        Assert.Equal(20, await sink.WriteAsync(ExecutionRecords.Mixed(tool, 20)));

        await sink.FlushAsync();

        var copy = Path.Combine(Path.GetTempPath(), $"autonomy-flush-{Guid.NewGuid():N}.db");
        File.Copy(database.Connections.DatabasePath, copy);
        try
        {
            await using var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT count(*) FROM tool_executions WHERE tool_name = $tool";
            count.Parameters.AddWithValue("$tool", tool);
            Assert.Equal(20L, await count.ExecuteScalarAsync());
        }
        finally
        {
            File.Delete(copy);
        }
    }
}
