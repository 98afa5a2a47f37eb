using System.Text;
using Microsoft.Extensions.AI;

namespace Autonomy.Core.Analysis;

/// <summary>
/// Asks a chat model (any <see cref="IChatClient"/>: an OpenAI-compatible endpoint such as Ollama, vLLM, OpenAI or
/// Azure) for a short narrative of an investigation's findings. The model sees the structured findings and the
/// tool's source, never the raw inputs beyond the examples the findings already hold; its answer is stored as
/// the report's narrative and changes nothing else.
/// </summary>
public sealed class ChatClientInvestigationNarrator(IChatClient chatClient) : IInvestigationNarrator
{
    /// <summary>The longest narrative kept, in characters.</summary>
    public const int MaxNarrativeLength = 4_000;

    /// <summary>The longest tool source sent, in characters.</summary>
    public const int MaxSourceLength = 20_000;

    /// <summary>The instructions the model gets.</summary>
    public const string SystemPrompt =
        "You explain why a small C# tool fails, for the engineer who owns it. You get structured findings computed " +
        "from its executions (verdict, error clusters with the throwing line, input features ranked by lift, the onset " +
        "and the deploy it coincides with) and its source. Write at most five sentences of plain text: what fails, on " +
        "which inputs, since when, and what the fix should do. Do not invent facts that the findings do not contain.";

    /// <inheritdoc />
    public async Task<string?> NarrateAsync(ToolInvestigation findings, string? toolSource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(findings);
        var prompt = new StringBuilder()
            .AppendLine("Findings (JSON):")
            .AppendLine(AnalysisJson.Serialize(findings with { Analysis = findings.Analysis with { ErrorPatterns = [] }, Narrative = null }));
        if (toolSource is not null)
        {
            prompt.AppendLine().AppendLine("Tool source:").AppendLine(toolSource.Length <= MaxSourceLength ? toolSource : toolSource[..MaxSourceLength]);
        }

        var response = await chatClient.GetResponseAsync(
            [new ChatMessage(ChatRole.System, SystemPrompt), new ChatMessage(ChatRole.User, prompt.ToString())],
            new ChatOptions { Temperature = 0 },
            cancellationToken);
        var text = response.Text?.Trim();
        return string.IsNullOrEmpty(text) ? null : text.Length <= MaxNarrativeLength ? text : text[..MaxNarrativeLength];
    }
}
