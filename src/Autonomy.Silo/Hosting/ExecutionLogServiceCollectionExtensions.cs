using Autonomy.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Silo.Hosting;

/// <summary>Registers the silo's one <see cref="ExecutionLogWriter"/>, whichever database its sink writes to.</summary>
public static class ExecutionLogServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="ExecutionLogOptions"/> (<c>Autonomy:ExecutionLog</c>, validated at start-up) and registers one
    /// <see cref="ExecutionLogWriter"/> over the sink <paramref name="sink"/> creates. The host drains it on shutdown.
    /// </summary>
    /// <param name="services">The silo's services.</param>
    /// <param name="configuration">The configuration with the <c>Autonomy:ExecutionLog</c> section.</param>
    /// <param name="sink">Creates the sink.</param>
    /// <param name="batchSize">The sink's own batch size where the configuration sets none; null keeps <see cref="ExecutionLogOptions.DefaultBatchSize"/>.</param>
    public static IServiceCollection AddExecutionLogWriter(
        this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, IExecutionLogSink> sink, int? batchSize = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sink);

        // Before the binding, so that a configured batch size still wins.
        var options = services.AddOptions<ExecutionLogOptions>();
        if (batchSize is { } size)
        {
            options.Configure(o => o.BatchSize = size);
        }

        options.Bind(configuration.GetSection(ExecutionLogOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services.AddSingleton(sp => new ExecutionLogWriter(
            sink(sp),
            sp.GetRequiredService<IOptions<ExecutionLogOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<ExecutionLogWriter>>(),
            sp.GetService<System.Diagnostics.Metrics.IMeterFactory>()));
    }
}
