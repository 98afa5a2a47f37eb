using System.Globalization;
using System.Runtime.CompilerServices;
using Autonomy.Core.Text;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autonomy.Core.Repair.Llm;

/// <summary>
/// Asks a chat model (any <see cref="IChatClient"/>) for a fixed source. The first prompt holds the tool's source,
/// the investigation's findings and a capped sample of the failing cases (with the expected output when known and
/// what the base version does now) and of the correct outputs that must not change (see <see cref="LlmPrompt"/>).
/// Each reply's source is compiled, policy-checked and run on the given cases; when it does not compile or fails
/// cases, the errors or the failing cases go back to the model in the same conversation, for at most
/// <see cref="LlmOptions.MaxRounds"/> requests. Every candidate that compiles is yielded (the engine judges it again,
/// with the held-back cases the model never sees); the conversation ends at the first that passes the given cases.
/// A failed or timed-out request ends the generator without failing the attempt.
/// </summary>
public sealed class LlmRepairGenerator : IRepairGenerator
{
    /// <summary>The generator's name.</summary>
    public const string GeneratorName = "llm";

    /// <summary>The longest reply read and resent; a fixed source is about as long as the original, which is capped at half of this.</summary>
    public const int MaxReplyCharacters = 2 * LlmPrompt.MaxSourceCharacters;

    /// <summary>The longest explanation of the model kept in a candidate's rationale.</summary>
    public const int MaxRationaleCharacters = 200;

    /// <summary>What an earlier reply is replaced with when the conversation is sent again: only the latest source is resent.</summary>
    public const string OmittedReply = "(an earlier attempt, omitted; its result follows)";

    private readonly IChatClient _chatClient;
    private readonly int _maxRounds;
    private readonly TimeSpan _timeout;
    private readonly ILogger _logger;

    /// <summary>Creates the generator.</summary>
    /// <param name="chatClient">The model.</param>
    /// <param name="options">The rounds and the request deadline; the defaults when null.</param>
    /// <param name="logger">The logger, or null.</param>
    public LlmRepairGenerator(IChatClient chatClient, LlmOptions? options = null, ILogger<LlmRepairGenerator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        options ??= new LlmOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxRounds, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.TimeoutSeconds, 1, nameof(options));
        _chatClient = chatClient;
        _maxRounds = options.MaxRounds;
        _timeout = options.Timeout;
        _logger = logger ?? NullLogger<LlmRepairGenerator>.Instance;
    }

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <summary>The most chat requests of one repair.</summary>
    public int MaxRounds => _maxRounds;

    /// <inheritdoc />
    public async IAsyncEnumerable<RepairCandidate> GenerateAsync(RepairProblem problem, RepairContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(context);
        if (problem.Source.Length > LlmPrompt.MaxSourceCharacters)
        {
            Log.SourceTooLong(_logger, problem.ToolName, problem.Source.Length, LlmPrompt.MaxSourceCharacters);
            yield break;
        }

        if (!problem.FailingCases.Any())
        {
            yield break;
        }

        // What the base version does now on the cases shown makes the first prompt concrete ("got: ToolError: …").
        var shown = LlmPrompt.FailingSample(problem);
        var baseline = await context.Evaluator.EvaluateAsync(problem.Source, shown, stopAtFirstFailure: false, cancellationToken);
        var cases = problem.FailingCases.Concat(problem.PassingCases).ToList();
        var messages = new List<ChatMessage>
        {
            new(ChatRole.System, LlmPrompt.SystemPrompt),
            new(ChatRole.User, LlmPrompt.Initial(problem, baseline.Results)),
        };
        var original = Canonical(problem.Source);
        var tried = new HashSet<string>(StringComparer.Ordinal);

        for (var round = 1; round <= _maxRounds; round++)
        {
            var reply = await AskAsync(problem.ToolName, round, messages, cancellationToken);
            if (reply is null)
            {
                yield break;
            }

            if (reply.Length > MaxReplyCharacters)
            {
                reply = reply[..MaxReplyCharacters];
            }

            // Only the latest source travels with the next request: the conversation stays within two sources.
            for (var i = 2; i < messages.Count; i++)
            {
                if (messages[i].Role == ChatRole.Assistant)
                {
                    messages[i] = new ChatMessage(ChatRole.Assistant, OmittedReply);
                }
            }

            messages.Add(new ChatMessage(ChatRole.Assistant, reply));
            var source = LlmReplyParser.ExtractSource(reply);
            string feedback;
            string verdict;
            if (source is null)
            {
                (feedback, verdict) = (LlmPrompt.NoSource(), "no source in the reply");
            }
            else if (string.Equals(Canonical(source), original, StringComparison.Ordinal))
            {
                (feedback, verdict) = (LlmPrompt.Unchanged(), "the original source, unchanged");
            }
            else if (!tried.Add(Canonical(source)))
            {
                (feedback, verdict) = (LlmPrompt.Repeated(), "a source already tried");
            }
            else
            {
                var evaluation = await context.Evaluator.EvaluateAsync(source, cases, stopAtFirstFailure: false, cancellationToken);
                if (!evaluation.Compiled)
                {
                    (feedback, verdict) = (LlmPrompt.CompileErrors(evaluation.Diagnostics), string.Create(CultureInfo.InvariantCulture, $"{evaluation.Diagnostics.Count} compiler or policy errors"));
                }
                else
                {
                    Log.RoundJudged(_logger, problem.ToolName, round, string.Create(CultureInfo.InvariantCulture, $"compiled, passes {evaluation.Passed} of {evaluation.CasesGiven} cases"));
                    yield return new RepairCandidate(source, GeneratorName, Rationale(round, reply), EditSize(problem.Source, source));
                    if (evaluation.Plausible)
                    {
                        yield break;
                    }

                    messages.Add(new ChatMessage(ChatRole.User, LlmPrompt.FailedCases(evaluation)));
                    continue;
                }
            }

            Log.RoundJudged(_logger, problem.ToolName, round, verdict);
            messages.Add(new ChatMessage(ChatRole.User, feedback));
        }
    }

    /// <summary>The size of an edit: lines changed, the larger of lines removed and lines added (at least 1).</summary>
    public static int EditSize(string oldSource, string newSource)
    {
        ArgumentNullException.ThrowIfNull(oldSource);
        ArgumentNullException.ThrowIfNull(newSource);
        var diff = LineDiff.Unified(oldSource, newSource, "a", "b", context: 0);
        int removed = 0, added = 0;
        foreach (var line in diff.Split('\n').Skip(2))
        {
            if (line.StartsWith('-'))
            {
                removed++;
            }
            else if (line.StartsWith('+'))
            {
                added++;
            }
        }

        return Math.Max(1, Math.Max(removed, added));
    }

    private async Task<string?> AskAsync(string toolName, int round, IList<ChatMessage> messages, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            var response = await _chatClient.GetResponseAsync(messages, new ChatOptions { Temperature = 0 }, deadline.Token);
            return response.Text;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Log.ChatTimedOut(_logger, toolName, round, (int)_timeout.TotalSeconds);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // An unreachable or failing endpoint ends this generator only; the attempt keeps the other generators' results.
            Log.ChatFailed(_logger, toolName, round, exception.GetType().Name);
            return null;
        }
    }

    private static string Rationale(int round, string reply)
    {
        var explanation = LlmReplyParser.Explanation(reply);
        if (explanation.Length > MaxRationaleCharacters)
        {
            explanation = string.Concat(explanation.AsSpan(0, MaxRationaleCharacters), "…");
        }

        return explanation.Length == 0
            ? string.Create(CultureInfo.InvariantCulture, $"rewritten by the model in round {round}")
            : string.Create(CultureInfo.InvariantCulture, $"round {round}: {explanation}");
    }

    private static string Canonical(string source) =>
        string.Join('\n', source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(line => line.TrimEnd())).Trim();
}
