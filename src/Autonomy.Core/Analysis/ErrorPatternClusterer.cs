using Autonomy.Core.Storage;

namespace Autonomy.Core.Analysis;

/// <summary>
/// Groups failed executions by signature: outcome, exception type, normalised message and source line. Outputs a
/// caller reported wrong form their own clusters (outcome <see cref="WrongOutput"/>, no exception).
/// </summary>
public static class ErrorPatternClusterer
{
    /// <summary>The outcome name of executions that succeeded but were reported wrong.</summary>
    public const string WrongOutput = "WrongOutput";

    /// <summary>The clusters, largest first (ties: newest first).</summary>
    /// <param name="failures">Executions that count against the tool.</param>
    /// <param name="wrongOutputs">Successful executions a caller reported wrong.</param>
    public static IReadOnlyList<ErrorPattern> Cluster(IReadOnlyCollection<ExecutionRecord> failures, IReadOnlyCollection<ExecutionRecord> wrongOutputs)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(wrongOutputs);
        var total = failures.Count + wrongOutputs.Count;
        if (total == 0)
        {
            return [];
        }

        var keyed = failures
            .Select(f => (Record: f, Outcome: f.Outcome.ToString(), Message: ErrorMessageNormalizer.Normalize(WithoutTypePrefix(f.Message, f.ErrorType))))
            .Concat(wrongOutputs.Select(w => (Record: w, Outcome: WrongOutput, Message: "output reported wrong")));
        return keyed
            .GroupBy(k => (k.Outcome, Type: k.Outcome == WrongOutput ? null : k.Record.ErrorType, k.Message, Line: k.Outcome == WrongOutput ? null : k.Record.ErrorLine))
            .Select(g =>
            {
                var newest = g.MaxBy(k => k.Record.StartedAt).Record;
                var member = g.Select(k => k.Record.ErrorMember).FirstOrDefault(m => m is not null);
                return new ErrorPattern(
                    Signature(g.Key.Outcome, g.Key.Type, g.Key.Line, g.Key.Message),
                    g.Key.Outcome,
                    g.Key.Type,
                    g.Key.Message,
                    g.Key.Line,
                    g.Key.Outcome == WrongOutput ? null : member,
                    g.Count(),
                    (double)g.Count() / total,
                    g.Select(k => k.Record.ToolVersion).Distinct().Order().ToList(),
                    g.Min(k => k.Record.StartedAt),
                    newest.StartedAt,
                    newest.ExecutionId,
                    g.Key.Outcome == WrongOutput ? null : newest.Message,
                    newest.Input);
            })
            .OrderByDescending(p => p.Count)
            .ThenByDescending(p => p.LastSeen)
            .ToList();
    }

    private static string Signature(string outcome, string? exceptionType, int? line, string message)
    {
        var type = exceptionType is null ? string.Empty : " " + exceptionType[(exceptionType.LastIndexOf('.') + 1)..];
        var at = line is null ? string.Empty : "@" + line.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return message.Length == 0 ? $"{outcome}{type}{at}" : $"{outcome}{type}{at}: {message}";
    }

    /// <summary>The message without the "FormatException: " the sandbox puts before an exception's own message.</summary>
    private static string? WithoutTypePrefix(string? message, string? exceptionType)
    {
        if (message is null || exceptionType is null)
        {
            return message;
        }

        var prefix = exceptionType[(exceptionType.LastIndexOf('.') + 1)..] + ": ";
        return message.StartsWith(prefix, StringComparison.Ordinal) ? message[prefix.Length..] : message;
    }
}
