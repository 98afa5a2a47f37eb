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
    public static IServiceCollection AddExecutionLogWriter(
        this IServiceCollection services, IConfiguration configuration, Func<IServiceProvider, IExecutionLogSink> sink)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(sink);
        services.AddOptions<ExecutionLogOptions>()
            .Bind(configuration.GetSection(ExecutionLogOptions.SectionName))
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
