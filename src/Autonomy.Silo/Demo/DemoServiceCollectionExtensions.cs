using Autonomy.Silo.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Autonomy.Silo.Demo;

/// <summary>Registers the embedded demo: its traffic, its deliberately bad deploy and its progress lines.</summary>
public static class DemoServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="DemoOptions"/> (<c>Autonomy:Demo</c>, validated at start-up) and registers the traffic
    /// generator and the progress reporter. Register it after the sample tools' loader: hosted services start in
    /// registration order. They do nothing unless <see cref="DemoOptions.Enabled"/> is set and
    /// <paramref name="mode"/> is <see cref="SiloMode.Embedded"/>; in cluster mode an enabled demo logs a warning.
    /// </summary>
    /// <param name="services">The host's services.</param>
    /// <param name="configuration">The configuration the options bind from.</param>
    /// <param name="mode">How the silo runs.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddAutonomyDemo(this IServiceCollection services, IConfiguration configuration, SiloMode mode)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<DemoOptions>().Bind(configuration.GetSection(DemoOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<TrafficStatistics>();
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<TrafficGenerator>(sp, mode));
        services.AddHostedService(sp => ActivatorUtilities.CreateInstance<DemoProgressReporter>(sp, mode));
        return services;
    }
}
