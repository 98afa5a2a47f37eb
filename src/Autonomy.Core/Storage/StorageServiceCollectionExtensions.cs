using Autonomy.Core.Storage.Sql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autonomy.Core.Storage;

/// <summary>Registers the project's stores (all but the execution log) over one database.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <paramref name="database"/> as the <see cref="SqlStoreDatabase"/> and every store interface over
    /// it as a singleton. Rows are stamped with the registered <see cref="TimeProvider"/>, else the system clock.
    /// </summary>
    public static IServiceCollection AddProjectStores(this IServiceCollection services, Func<IServiceProvider, SqlStoreDatabase> database)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(database);
        services.AddSingleton(sp => ProjectStores.Create(sp.GetRequiredService<SqlStoreDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<ProjectStores>().Versions);
        services.AddSingleton(sp => sp.GetRequiredService<ProjectStores>().Feedback);
        services.AddSingleton(sp => sp.GetRequiredService<ProjectStores>().InvestigationReports);
        services.AddSingleton(sp => sp.GetRequiredService<ProjectStores>().Analytics);
        services.AddSingleton(sp => sp.GetRequiredService<ProjectStores>().ImprovementAttempts);
        services.AddSingleton(sp => sp.GetRequiredService<ProjectStores>().TestResults);
        services.AddSingleton(sp => sp.GetRequiredService<ProjectStores>().Monitoring);
        services.AddSingleton(sp => sp.GetRequiredService<ProjectStores>().Lifecycle);
        services.AddSingleton<IEmbeddingStore>(sp => new SqlEmbeddingStore(sp.GetRequiredService<SqlStoreDatabase>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => sp.GetRequiredService<ProjectStores>().Alerts);
        return services;
    }
}
