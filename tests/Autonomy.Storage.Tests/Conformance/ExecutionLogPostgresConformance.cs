using Autonomy.Core.Storage;
using Autonomy.Storage.Postgres;
using Autonomy.Storage.Tests.Support;
using Npgsql;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>The execution log conformance suite on PostgreSQL.</summary>
public sealed class ExecutionLogPostgresConformance(PostgresDatabase database)
    : ExecutionLogConformance, IClassFixture<PostgresDatabase>, IRequiresPostgres
{
    protected override IExecutionStore Store => new PostgresExecutionStore(database.DataSource);

    protected override IExecutionLogSink CreateSink() => new PostgresExecutionLogSink(database.DataSource);

    protected override async Task<long> CountRowsAsync(string toolName) =>
        (await database.QueryAsync(
            "SELECT count(*) FROM tool_executions WHERE tool_name = $1",
            r => r.GetInt64(0),
            new NpgsqlParameter { Value = toolName })).Single();

    protected override async Task<IReadOnlyList<ExecutionRollup>> ReadDailyRollupsAsync(string toolName) =>
        await database.QueryAsync(
            """
            SELECT tool_name, tool_version, day_start, success_count, tool_error_count, timeout_count, budget_exceeded_count, invalid_input_count, invalid_output_count, duration_sum_us, duration_min_us, duration_max_us
            FROM tool_execution_daily_rollups WHERE tool_name = $1 ORDER BY tool_version, day_start
            """,
            r => new ExecutionRollup(
                r.GetString(0),
                r.GetInt32(1),
                new DateTimeOffset(r.GetDateTime(2), TimeSpan.Zero),
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
            new NpgsqlParameter { Value = toolName });
}
