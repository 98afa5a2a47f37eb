using Autonomy.Core.Storage;
using Autonomy.Core.Storage.Migrations;
using Autonomy.Core.Storage.Sql;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>One database of a backend, as the conformance suite sees it: raw SQL, migrations and the stores.</summary>
public abstract class ConformanceDatabase : IAsyncDisposable
{
    /// <summary>The stores' view of the database.</summary>
    public abstract SqlStoreDatabase Stores { get; }

    /// <summary>The migrations embedded in the backend's assembly.</summary>
    public abstract IReadOnlyList<Migration> EmbeddedMigrations { get; }

    /// <summary>Applies <paramref name="migrations"/>, or the embedded ones.</summary>
    public abstract Task<MigrationReport> MigrateAsync(IReadOnlyList<Migration>? migrations = null);

    /// <summary>Runs a statement of raw SQL (without parameters) and returns the rows it affected.</summary>
    public abstract Task<int> ExecuteAsync(string sql);

    /// <summary>Runs a query of raw SQL that returns one integer.</summary>
    public abstract Task<long> ScalarAsync(string sql);

    /// <summary>Whether a table or view of that name exists.</summary>
    public abstract Task<bool> RelationExistsAsync(string name);

    public ProjectStores CreateStores(TimeProvider timeProvider) => ProjectStores.Create(Stores, timeProvider);

    public abstract ValueTask DisposeAsync();
}
