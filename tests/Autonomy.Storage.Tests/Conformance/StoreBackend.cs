namespace Autonomy.Storage.Tests.Conformance;

/// <summary>
/// A class fixture for one backend: a migrated database shared by the tests of a class, and fresh empty
/// databases on demand for migration tests.
/// </summary>
public abstract class StoreBackend : IAsyncLifetime
{
    private ConformanceDatabase? _database;

    /// <summary>The class's migrated database.</summary>
    public ConformanceDatabase Database =>
        _database ?? throw new InvalidOperationException("The backend's database was not created.");

    /// <summary>Creates an empty database (no migrations applied), which the caller disposes.</summary>
    public abstract Task<ConformanceDatabase> CreateEmptyAsync();

    public async Task InitializeAsync()
    {
        if (!IsAvailable)
        {
            // Every test of the class is skipped by ConformanceFactDiscoverer.
            return;
        }

        _database = await CreateEmptyAsync();
        await _database.MigrateAsync();
    }

    public async Task DisposeAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    /// <summary>False when the backend's server is missing outside CI.</summary>
    protected virtual bool IsAvailable => true;
}
