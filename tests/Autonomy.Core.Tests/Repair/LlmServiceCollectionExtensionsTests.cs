using Autonomy.Core.Repair;
using Autonomy.Core.Repair.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Autonomy.Core.Tests.Repair;

public sealed class LlmServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLlm_NoEndpoint_RegistersNoChatClientAndNoGenerator()
    {
        using var provider = Provider(new() { ["Autonomy:Llm:Endpoint"] = "", ["Autonomy:Llm:Model"] = "" });

        Assert.Null(provider.GetService<IChatClient>());
        Assert.Empty(provider.GetServices<IRepairGenerator>());
        Assert.False(provider.GetRequiredService<IOptions<LlmOptions>>().Value.Enabled);
    }

    [Fact]
    public void AddLlm_Endpoint_RegistersTheChatClientAndTheGeneratorWithTheConfiguredRounds()
    {
        using var provider = Provider(new() { ["Autonomy:Llm:Endpoint"] = "http://localhost:11434/v1", ["Autonomy:Llm:Model"] = "qwen2.5-coder", ["Autonomy:Llm:MaxRounds"] = "5" });

        Assert.NotNull(provider.GetService<IChatClient>());
        var generator = Assert.IsType<LlmRepairGenerator>(Assert.Single(provider.GetServices<IRepairGenerator>()));
        Assert.Equal(5, generator.MaxRounds);
        Assert.Equal("llm", generator.Name);
    }

    [Fact]
    public void AddLlm_EndpointWithoutModel_FailsValidation()
    {
        using var provider = Provider(new() { ["Autonomy:Llm:Endpoint"] = "http://localhost:11434/v1" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<LlmOptions>>().Value);
        Assert.Contains("Autonomy:Llm:Model is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_WithKey_DoesNotPrintTheKey()
    {
        var options = new LlmOptions { Endpoint = "https://api.openai.com/v1", Model = "gpt-4o-mini", ApiKey = "sk-secret-value" };

        Assert.DoesNotContain("sk-secret-value", options.ToString(), StringComparison.Ordinal);
        Assert.Contains("ApiKey=(set)", options.ToString(), StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddLlm(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
}
