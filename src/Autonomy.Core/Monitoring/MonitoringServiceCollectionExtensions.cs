using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Autonomy.Core.Monitoring;

/// <summary>Registers deployment monitoring's regression detector.</summary>
public static class MonitoringServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MonitoringOptions"/> (<c>Autonomy:Monitoring</c>, validated on start) and the
    /// <see cref="IRegressionDetector"/> they name, as a singleton (detectors are stateless).
    /// </summary>
    public static IServiceCollection AddRegressionDetection(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MonitoringOptions>().Bind(configuration.GetSection(MonitoringOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => RegressionDetectors.Create(sp.GetRequiredService<IOptions<MonitoringOptions>>().Value));
        return services;
    }
}
