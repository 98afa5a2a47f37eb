using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace Autonomy.Core.Repair.Llm;

/// <summary>Registers the LLM path: a chat client for an OpenAI-compatible endpoint and the <see cref="LlmRepairGenerator"/>.</summary>
public static class LlmServiceCollectionExtensions
{
    /// <summary>The key sent when none is configured: OpenAI's client requires one, and keyless endpoints (a local Ollama) ignore it.</summary>
    public const string PlaceholderApiKey = "unused";

    /// <summary>Retries of a failed request; the repair attempt's own budget bounds the rest.</summary>
    public const int MaxRetries = 1;

    /// <summary>
    /// Registers <see cref="LlmOptions"/> (<c>Autonomy:Llm</c>, validated at start). When an endpoint is configured,
    /// also registers an <see cref="IChatClient"/> for it (unless one is registered already), which the investigator
    /// uses for its narrative too, and the <see cref="LlmRepairGenerator"/> as an <see cref="IRepairGenerator"/>;
    /// call this after the offline generators are registered, so the engine tries the model last. When no endpoint
    /// is configured nothing else is registered and the LLM generator is off.
    /// </summary>
    public static IServiceCollection AddLlm(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(LlmOptions.SectionName);
        services.AddOptions<LlmOptions>().Bind(section).ValidateDataAnnotations().ValidateOnStart();
        if (string.IsNullOrWhiteSpace(section[nameof(LlmOptions.Endpoint)]))
        {
            return services;
        }

        services.TryAddSingleton(sp => CreateChatClient(sp.GetRequiredService<IOptions<LlmOptions>>().Value));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRepairGenerator, LlmRepairGenerator>(sp => new LlmRepairGenerator(
            sp.GetRequiredService<IChatClient>(),
            sp.GetRequiredService<IOptions<LlmOptions>>().Value,
            sp.GetService<ILogger<LlmRepairGenerator>>())));
        return services;
    }

    /// <summary>
    /// A chat client for the OpenAI-compatible endpoint of <paramref name="options"/>: it posts to
    /// <c>{Endpoint}/chat/completions</c> with the model and a bearer key, within the configured deadline.
    /// </summary>
    /// <exception cref="InvalidOperationException">No endpoint or model is configured.</exception>
    public static IChatClient CreateChatClient(LlmOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled || !Uri.TryCreate(options.Endpoint, UriKind.Absolute, out var endpoint) || string.IsNullOrWhiteSpace(options.Model))
        {
            throw new InvalidOperationException("Autonomy:Llm needs an absolute Endpoint and a Model to create a chat client.");
        }

        var credential = new ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? PlaceholderApiKey : options.ApiKey);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            NetworkTimeout = options.Timeout,
            RetryPolicy = new ClientRetryPolicy(MaxRetries),
        };
        return new ChatClient(options.Model, credential, clientOptions).AsIChatClient();
    }
}
