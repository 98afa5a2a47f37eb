using Autonomy.Core.Lifecycle;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autonomy.Grains.Lifecycle;

/// <summary>Registers the lifecycle manager that the loop's maintenance runs.</summary>
public static class LifecycleServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LifecycleOptions"/> (<c>Autonomy:Lifecycle</c>, validated at start) and
    /// <see cref="LifecycleMaintenance"/>. It needs the project stores (<see cref="Core.Storage.IAlertStore"/> among
    /// them) and an <see cref="Core.Storage.IExecutionStore"/>, which the host registers.
    /// </summary>
    public static IServiceCollection AddToolLifecycle(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LifecycleOptions>().Bind(configuration.GetSection(LifecycleOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<LifecycleMaintenance>();
        return services;
    }
}
