using Autonomy.Storage.Tests.Support;

namespace Autonomy.Storage.Tests.Embedded.Support;

/// <summary>One embedded silo per test class on a fresh SQLite file; tests use fresh grain keys.</summary>
public sealed class EmbeddedSiloFixture : IAsyncLifetime
{
    private EmbeddedSilo? _silo;

    /// <summary>The file, already migrated, with helpers to read its rows.</summary>
    public SqliteDatabase Database { get; } = new();

    public EmbeddedSilo Silo => _silo ?? throw new InvalidOperationException("The silo has not started.");

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _silo = await EmbeddedSilo.StartAsync(Database.DatabasePath, EmbeddedSilo.NewServiceId(), "embedded");
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (_silo is not null)
            {
                await _silo.DisposeAsync();
            }
        }
        finally
        {
            await Database.DisposeAsync();
        }
    }
}
