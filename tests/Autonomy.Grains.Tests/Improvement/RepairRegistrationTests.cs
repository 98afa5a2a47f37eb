using Autonomy.Core.Repair;
using Autonomy.Core.Repair.Llm;
using Autonomy.Core.Repair.Mutation;
using Autonomy.Core.Repair.Templates;
using Autonomy.Grains.Hosting;
using Autonomy.Storage.Embedded;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Autonomy.Grains.Tests.Improvement;

/// <summary>What <c>AddAutonomyGrains</c> (through <c>AddToolRepair</c>) registers for the repair engine.</summary>
public sealed class RepairRegistrationTests
{
    private static ServiceProvider Build(IDictionary<string, string?> settings, Action<IServiceCollection>? before = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services);
        services.AddSingleton(SqliteConnectionFactory.ForFile(Path.Combine(Path.GetTempPath(), $"autonomy-repair-{Guid.NewGuid():N}.db")));
        services.AddSqliteProjectStores();
        services.AddAutonomyGrains(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddAutonomyGrains_NoModelConfigured_OfflineGeneratorsInOrder()
    {
        using var provider = Build(new Dictionary<string, string?>());

        var improver = provider.GetRequiredService<ToolImprover>();

        Assert.Equal([FixTemplateGenerator.GeneratorName, "mutation"], improver.Generators.Select(g => g.Name));
        Assert.IsType<MutationSearchGenerator>(improver.Generators[1]);
        Assert.Same(improver, provider.GetRequiredService<ToolImprover>());
    }

    [Fact]
    public void AddAutonomyGrains_EndpointConfigured_LlmGeneratorLast()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Autonomy:Llm:Endpoint"] = "http://127.0.0.1:9/v1",
            ["Autonomy:Llm:Model"] = "test-model",
        });

        var improver = provider.GetRequiredService<ToolImprover>();

        Assert.Equal([FixTemplateGenerator.GeneratorName, "mutation", LlmRepairGenerator.GeneratorName], improver.Generators.Select(g => g.Name));
    }

    [Fact]
    public void AddAutonomyGrains_HostRegisteredAChatClient_LlmGeneratorLast()
    {
        using var chat = new SilentChatClient();
        using var provider = Build(new Dictionary<string, string?>(), services => services.AddSingleton<IChatClient>(chat));

        var improver = provider.GetRequiredService<ToolImprover>();

        Assert.Equal([FixTemplateGenerator.GeneratorName, "mutation", LlmRepairGenerator.GeneratorName], improver.Generators.Select(g => g.Name));
    }

    [Fact]
    public void AddAutonomyGrains_RepairSection_BoundAndValidated()
    {
        using var provider = Build(new Dictionary<string, string?>
        {
            ["Autonomy:Repair:MaxSeconds"] = "30",
            ["Autonomy:Repair:Mutation:MaxPairs"] = "7",
        });
        using var invalid = Build(new Dictionary<string, string?> { ["Autonomy:Repair:MaxSeconds"] = "0" });

        Assert.Equal(30, provider.GetRequiredService<IOptions<RepairOptions>>().Value.MaxSeconds);
        Assert.Equal(7, provider.GetRequiredService<IOptions<MutationSearchOptions>>().Value.MaxPairs);
        var error = Assert.Throws<OptionsValidationException>(() => invalid.GetRequiredService<IOptions<RepairOptions>>().Value);
        Assert.Contains(nameof(RepairOptions.MaxSeconds), error.Message, StringComparison.Ordinal);
    }

    private sealed class SilentChatClient : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, string.Empty)));

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
