using Autonomy.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Autonomy.Storage.Embedded;

/// <summary>Registers the project's stores on the embedded SQLite file.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every project store, and the <see cref="IExecutionStore"/> that reads the execution log, over the
    /// <see cref="SqliteConnectionFactory"/> registered in the container.
    /// </summary>
    public static IServiceCollection AddSqliteProjectStores(this IServiceCollection services) =>
        services
            .AddProjectStores(sp => new SqliteStoreDatabase(sp.GetRequiredService<SqliteConnectionFactory>()))
            .AddSingleton<IExecutionStore>(sp => new SqliteExecutionStore(sp.GetRequiredService<SqliteConnectionFactory>()));
}
