using System.ComponentModel.DataAnnotations;

namespace Autonomy.Core.Repair.Llm;

/// <summary>
/// Options of the LLM repair generator and its chat client (section <c>Autonomy:Llm</c>): any OpenAI-compatible
/// endpoint (Ollama, vLLM, OpenAI, Azure OpenAI's v1 API). The generator is on exactly when <see cref="Endpoint"/>
/// is set. <see cref="ApiKey"/> comes from configuration or the environment (<c>Autonomy__Llm__ApiKey</c>) and is
/// never logged.
/// </summary>
public sealed class LlmOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Llm";

    /// <summary>Default deadline of one chat request.</summary>
    public const int DefaultTimeoutSeconds = 60;

    /// <summary>Default most requests in one repair conversation: the first prompt and two rounds of feedback.</summary>
    public const int DefaultMaxRounds = 3;

    /// <summary>The largest <see cref="MaxRounds"/> accepted: every round resends the growing conversation.</summary>
    public const int MaxRoundsLimit = 10;

    /// <summary>
    /// The base address of the OpenAI-compatible API, up to and including its version segment
    /// (<c>http://localhost:11434/v1</c> for Ollama); the client posts to <c>{Endpoint}/chat/completions</c>.
    /// </summary>
    /// <value>Defaults to none: the LLM generator is off.</value>
    public string? Endpoint { get; set; }

    /// <summary>The model (or Azure deployment) name sent with each request.</summary>
    /// <value>Defaults to none; required when <see cref="Endpoint"/> is set.</value>
    public string? Model { get; set; }

    /// <summary>The bearer key sent with each request; endpoints without keys (a local Ollama) need none.</summary>
    /// <value>Defaults to none.</value>
    public string? ApiKey { get; set; }

    /// <summary>The deadline of one chat request, in seconds.</summary>
    /// <value>Defaults to <see cref="DefaultTimeoutSeconds"/>.</value>
    [Range(1, 3_600)]
    public int TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>The most chat requests of one repair: the first prompt, then one per round of compiler errors or failing cases fed back.</summary>
    /// <value>Defaults to <see cref="DefaultMaxRounds"/>.</value>
    [Range(1, MaxRoundsLimit)]
    public int MaxRounds { get; set; } = DefaultMaxRounds;

    /// <summary>Whether the LLM generator is on: an endpoint is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>The deadline of one chat request.</summary>
    public TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("Autonomy:Llm:Endpoint must be an absolute http or https address, such as http://localhost:11434/v1.", [nameof(Endpoint)]);
        }

        if (string.IsNullOrWhiteSpace(Model))
        {
            yield return new ValidationResult("Autonomy:Llm:Model is required when Autonomy:Llm:Endpoint is set.", [nameof(Model)]);
        }
    }

    /// <summary>The options without the key, safe to print.</summary>
    public override string ToString() =>
        $"Endpoint={Endpoint ?? "(none)"}, Model={Model ?? "(none)"}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")}, TimeoutSeconds={TimeoutSeconds}, MaxRounds={MaxRounds}";
}
