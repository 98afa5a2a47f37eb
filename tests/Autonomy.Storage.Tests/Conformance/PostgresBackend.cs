using Autonomy.Storage.Tests.Support;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>The PostgreSQL backend: a database per class on the server named by <c>AUTONOMY_TEST_POSTGRES</c>.</summary>
public sealed class PostgresBackend : StoreBackend
{
    public override async Task<ConformanceDatabase> CreateEmptyAsync()
    {
        var database = new PostgresDatabase(migrate: false);
        await database.InitializeAsync();
        return new PostgresConformanceDatabase(database);
    }

    protected override bool IsAvailable => PostgresDatabase.ServerConnectionString is not null || PostgresDatabase.IsCi;
}
