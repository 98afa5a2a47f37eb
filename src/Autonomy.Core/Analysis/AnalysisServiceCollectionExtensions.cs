using Autonomy.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Core.Analysis;

/// <summary>Registers analysis and investigation.</summary>
public static class AnalysisServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="AnalysisOptions"/> (<c>Autonomy:Analysis</c>), the <see cref="ToolAnalyzer"/> and the
    /// <see cref="IToolInvestigator"/>. They need the project stores and <see cref="IExecutionStore"/>, which the
    /// host registers; an <see cref="IInvestigationNarrator"/>, when registered, adds a narrative to reports, and so does
    /// an <see cref="IChatClient"/> (through <see cref="ChatClientInvestigationNarrator"/>) when no narrator is.
    /// </summary>
    public static IServiceCollection AddToolAnalysis(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AnalysisOptions>().Bind(configuration.GetSection(AnalysisOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ToolAnalyzer(
            sp.GetRequiredService<IExecutionStore>(),
            sp.GetRequiredService<IFeedbackStore>(),
            sp.GetRequiredService<IToolAnalyticsStore>(),
            sp.GetRequiredService<IOptions<AnalysisOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IToolInvestigator>(sp => new ToolInvestigator(
            sp.GetRequiredService<ToolAnalyzer>(),
            sp.GetRequiredService<IExecutionStore>(),
            sp.GetRequiredService<IToolVersionStore>(),
            sp.GetRequiredService<ILifecycleEventStore>(),
            sp.GetRequiredService<IInvestigationReportStore>(),
            sp.GetRequiredService<IOptions<AnalysisOptions>>(),
            sp.GetService<IInvestigationNarrator>() ?? (sp.GetService<IChatClient>() is { } chat ? new ChatClientInvestigationNarrator(chat) : null),
            sp.GetService<ILogger<ToolInvestigator>>()));
        return services;
    }
}
