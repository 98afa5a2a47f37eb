using Autonomy.Storage.Tests.Support;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>The SQLite backend: a file per class in a temp directory.</summary>
public sealed class SqliteBackend : StoreBackend
{
    public override async Task<ConformanceDatabase> CreateEmptyAsync()
    {
        var database = new SqliteDatabase(migrate: false);
        await database.InitializeAsync();
        return new SqliteConformanceDatabase(database);
    }
}
