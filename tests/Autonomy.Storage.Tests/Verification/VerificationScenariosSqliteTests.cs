using Autonomy.Core.Storage;
using Autonomy.Storage.Embedded;
using Autonomy.Storage.Tests.Support;

namespace Autonomy.Storage.Tests.Verification;

/// <summary>The verification scenarios on the embedded SQLite file.</summary>
public sealed class VerificationScenariosSqliteTests(SqliteDatabase database) : VerificationScenarios, IClassFixture<SqliteDatabase>
{
    protected override ProjectStores CreateStores(TimeProvider time) => ProjectStores.Create(new SqliteStoreDatabase(database.Connections), time);

    protected override IExecutionLogSink CreateSink() => new SqliteExecutionLogSink(database.Connections);

    protected override IExecutionStore CreateExecutionStore() => new SqliteExecutionStore(database.Connections);
}
