using Autonomy.Core.Storage;
using Autonomy.Storage.Postgres;
using Autonomy.Storage.Tests.Conformance;
using Autonomy.Storage.Tests.Support;

namespace Autonomy.Storage.Tests.Analysis;

/// <summary>The investigation scenarios on PostgreSQL.</summary>
public sealed class InvestigationScenariosPostgresTests(PostgresDatabase database) : InvestigationScenarios, IClassFixture<PostgresDatabase>, IRequiresPostgres
{
    protected override ProjectStores CreateStores(TimeProvider time) => ProjectStores.Create(new PostgresStoreDatabase(database.DataSource), time);

    protected override IExecutionLogSink CreateSink() => new PostgresExecutionLogSink(database.DataSource);

    protected override IExecutionStore CreateExecutionStore() => new PostgresExecutionStore(database.DataSource);
}
