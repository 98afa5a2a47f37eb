using Autonomy.Core.Storage;
using Autonomy.Storage.Postgres;
using Autonomy.Storage.Tests.Conformance;
using Autonomy.Storage.Tests.Support;

namespace Autonomy.Storage.Tests.Verification;

/// <summary>The verification scenarios on PostgreSQL.</summary>
public sealed class VerificationScenariosPostgresTests(PostgresDatabase database) : VerificationScenarios, IClassFixture<PostgresDatabase>, IRequiresPostgres
{
    protected override ProjectStores CreateStores(TimeProvider time) => ProjectStores.Create(new PostgresStoreDatabase(database.DataSource), time);

    protected override IExecutionLogSink CreateSink() => new PostgresExecutionLogSink(database.DataSource);

    protected override IExecutionStore CreateExecutionStore() => new PostgresExecutionStore(database.DataSource);
}
