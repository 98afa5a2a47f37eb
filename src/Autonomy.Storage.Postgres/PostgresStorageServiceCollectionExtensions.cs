using Autonomy.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Autonomy.Storage.Postgres;

/// <summary>Registers the project's stores on PostgreSQL.</summary>
public static class PostgresStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers every project store, and the <see cref="IExecutionStore"/> that reads the execution log, over the
    /// <see cref="NpgsqlDataSource"/> registered in the container.
    /// </summary>
    public static IServiceCollection AddPostgresProjectStores(this IServiceCollection services) =>
        services
            .AddProjectStores(sp => new PostgresStoreDatabase(sp.GetRequiredService<NpgsqlDataSource>()))
            .AddSingleton<IExecutionStore>(sp => new PostgresExecutionStore(sp.GetRequiredService<NpgsqlDataSource>()));
}
