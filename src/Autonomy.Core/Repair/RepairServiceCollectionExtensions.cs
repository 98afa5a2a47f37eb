using Autonomy.Core.Analysis;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Policy;
using Autonomy.Core.Repair.Llm;
using Autonomy.Core.Repair.Mutation;
using Autonomy.Core.Repair.Templates;
using Autonomy.Core.Storage;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Core.Repair;

/// <summary>Registers the repair engine: its options, its generators in order, and the <see cref="ToolImprover"/>.</summary>
public static class RepairServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="RepairOptions"/> (<c>Autonomy:Repair</c>) and <see cref="MutationSearchOptions"/>
    /// (<c>Autonomy:Repair:Mutation</c>), both validated at start; the generators in the order the engine tries
    /// them: <see cref="FixTemplateGenerator"/>, <see cref="MutationSearchGenerator"/>, then the
    /// <see cref="LlmRepairGenerator"/> when a model is configured (<see cref="LlmServiceCollectionExtensions.AddLlm"/>,
    /// <c>Autonomy:Llm</c>) or the host registered an <see cref="IChatClient"/> of its own; and one
    /// <see cref="ToolImprover"/>. The improver needs the project stores, <see cref="IExecutionStore"/>, the
    /// <see cref="IToolInvestigator"/>, <see cref="CompilerOptions"/> and a <see cref="ToolExecutor"/>, which the grains'
    /// registration and the host provide; it uses the registered <see cref="ToolPolicy"/>, else the built-in one.
    /// Registrations already present are kept.
    /// </summary>
    public static IServiceCollection AddToolRepair(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RepairOptions>().Bind(configuration.GetSection(RepairOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<MutationSearchOptions>().Bind(configuration.GetSection(MutationSearchOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);

        // The engine tries the generators in registration order: the cheap targeted templates, the search, the model.
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRepairGenerator, FixTemplateGenerator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRepairGenerator, MutationSearchGenerator>(sp => new MutationSearchGenerator(
            sp.GetRequiredService<IOptions<MutationSearchOptions>>().Value,
            sp.GetService<ToolPolicy>() ?? ToolPolicy.Default,
            sp.GetRequiredService<TimeProvider>())));
        services.AddLlm(configuration);

        services.TryAddSingleton(sp => new ToolImprover(
            sp.GetRequiredService<ProjectStores>(),
            sp.GetRequiredService<IExecutionStore>(),
            sp.GetRequiredService<IToolInvestigator>(),
            Generators(sp),
            sp.GetService<ToolPolicy>() ?? ToolPolicy.Default,
            sp.GetRequiredService<IOptions<CompilerOptions>>(),
            sp.GetRequiredService<ToolExecutor>(),
            sp.GetRequiredService<IOptions<RepairOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<ToolImprover>>()));
        return services;
    }

    /// <summary>
    /// The registered generators in order, with the LLM generator last when a chat client is registered but no
    /// endpoint configured it (a host's or a test's own client).
    /// </summary>
    private static List<IRepairGenerator> Generators(IServiceProvider services)
    {
        var generators = services.GetServices<IRepairGenerator>().ToList();
        if (!generators.Any(g => g is LlmRepairGenerator) && services.GetService<IChatClient>() is { } chatClient)
        {
            generators.Add(new LlmRepairGenerator(
                chatClient,
                services.GetService<IOptions<LlmOptions>>()?.Value,
                services.GetService<ILogger<LlmRepairGenerator>>()));
        }

        return generators;
    }
}
