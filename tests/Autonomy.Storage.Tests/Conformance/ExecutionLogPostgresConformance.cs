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
}
