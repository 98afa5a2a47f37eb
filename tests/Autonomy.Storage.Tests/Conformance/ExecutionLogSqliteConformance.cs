using Autonomy.Core.Storage;
using Autonomy.Storage.Embedded;
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
}
