using System.Diagnostics.Metrics;
using Autonomy.Core.Analysis;
using Autonomy.Core.Compilation;
using Autonomy.Core.Discovery;
using Autonomy.Core.Execution;
using Autonomy.Core.Policy;
using Autonomy.Core.Repair;
using Autonomy.Core.Monitoring;
using Autonomy.Core.Sandbox;
using Autonomy.Core.Storage;
using Autonomy.Core.Verification;
using Autonomy.Grains.Execution;
using Autonomy.Grains.Diagnostics;
using Autonomy.Grains.Discovery;
using Autonomy.Grains.Lifecycle;
using Autonomy.Grains.Loop;
using Autonomy.Grains.Tools;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Grains.Hosting;

/// <summary>Registers what the tool grains and execution workers need, besides the stores and the execution log.</summary>
public static class GrainServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ToolGrainOptions"/> (<c>Autonomy:Tools</c>), <see cref="CompilerOptions"/>
    /// (<c>Autonomy:Compiler</c>), <see cref="SandboxOptions"/> (<c>Autonomy:Sandbox</c>), the
    /// <see cref="ToolPolicy"/> (<see cref="CompilerOptions.PolicyFile"/>, else the built-in rules), one <see cref="ToolCompiler"/> (its cache is per silo) and one
    /// <see cref="ToolExecutor"/>, <see cref="LoopOptions"/> (<c>Autonomy:Loop</c>), analysis and investigation
    /// (<see cref="AnalysisServiceCollectionExtensions.AddToolAnalysis"/>: <see cref="AnalysisOptions"/> in
    /// <c>Autonomy:Analysis</c>, whose thresholds the loop's scan uses too), the default
    /// <see cref="IOpportunityProcessor"/> (<see cref="InvestigatingOpportunityProcessor"/>), the silo start-up step that
    /// starts the loop's coordinator, <see cref="AutonomyMetrics"/> (the <c>Autonomy.Orleans</c> meter), and the repair engine
    /// (<see cref="RepairServiceCollectionExtensions.AddToolRepair"/>: <see cref="RepairOptions"/> in <c>Autonomy:Repair</c>,
    /// the generators in order and the <see cref="ToolImprover"/> the improvement grain runs), and the lifecycle manager
    /// (<see cref="LifecycleServiceCollectionExtensions.AddToolLifecycle"/>: <c>Autonomy:Lifecycle</c>) that maintenance runs. The host registers the project stores and the <c>ExecutionLogWriter</c>.
    /// Registrations already present (a policy, a clock) are kept.
    /// </summary>
    public static IServiceCollection AddAutonomyGrains(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ToolGrainOptions>().Bind(configuration.GetSection(ToolGrainOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<CompilerOptions>().Bind(configuration.GetSection(CompilerOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<SandboxOptions>().Bind(configuration.GetSection(SandboxOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LoopOptions>().Bind(configuration.GetSection(LoopOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new AutonomyMetrics(sp.GetService<IMeterFactory>()));
        services.AddToolAnalysis(configuration);
        services.AddToolRepair(configuration);
        services.AddToolLifecycle(configuration);
        services.TryAddSingleton<IOpportunityProcessor, InvestigatingOpportunityProcessor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ILifecycleParticipant<ISiloLifecycle>, LoopStartup>());
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<CompilerOptions>>().Value.PolicyFile is { Length: > 0 } path
            ? new ToolPolicy(PolicyRuleSet.LoadFile(path))
            : ToolPolicy.Default);
        services.TryAddSingleton(sp => new ToolCompiler(
            sp.GetRequiredService<ToolPolicy>(),
            sp.GetRequiredService<IOptions<CompilerOptions>>(),
            sp.GetService<ILogger<ToolCompiler>>()));
        services.TryAddSingleton(sp => new ToolExecutor(sp.GetRequiredService<IOptions<SandboxOptions>>(), sp.GetRequiredService<TimeProvider>()));
        services.AddOptions<VerificationOptions>().Bind(configuration.GetSection(VerificationOptions.SectionName)).ValidateDataAnnotations().ValidateOnStart();
        services.AddRegressionDetection(configuration);
        services.TryAddSingleton<LiveShadowRunner>();
        services.TryAddSingleton(sp => new ToolDiscovery(
            sp.GetRequiredService<IToolVersionStore>(),
            sp.GetRequiredService<IEmbeddingStore>(),
            sp.GetRequiredService<IExecutionStore>(),
            sp.GetRequiredService<ToolCompiler>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ITextEmbedder>()));
        services.TryAddSingleton(sp => new CandidateVerifier(
            sp.GetRequiredService<ToolCompiler>(),
            sp.GetRequiredService<ToolExecutor>(),
            sp.GetRequiredService<IExecutionStore>(),
            sp.GetRequiredService<ProjectStores>().Feedback,
            sp.GetRequiredService<ProjectStores>().TestResults,
            sp.GetRequiredService<IOptions<VerificationOptions>>(),
            sp.GetRequiredService<TimeProvider>()));
        return services;
    }
}
