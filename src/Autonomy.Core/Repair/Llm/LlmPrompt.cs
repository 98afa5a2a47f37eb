using System.Globalization;
using System.Text;
using Autonomy.Abstractions.Tools;
using Autonomy.Core.Analysis;

namespace Autonomy.Core.Repair.Llm;

/// <summary>
/// The messages of a repair conversation: the instructions, the first prompt (source, investigation, cases) and the
/// feedback after each round. Everything sent is capped: at most <see cref="MaxSourceCharacters"/> of source,
/// <see cref="MaxFailingCases"/> failing and <see cref="MaxPassingCases"/> passing cases of at most
/// <see cref="MaxDocumentCharacters"/> per document, <see cref="MaxDiagnostics"/> compiler errors, and only the
/// strongest findings of the investigation. Held-back validation cases are never sent.
/// </summary>
public static class LlmPrompt
{
    /// <summary>The longest source sent; a longer tool is not sent at all, since the model must return it whole.</summary>
    public const int MaxSourceCharacters = 24_000;

    /// <summary>The most failing cases in one message.</summary>
    public const int MaxFailingCases = 6;

    /// <summary>The most passing cases (outputs that must not change) in the first prompt.</summary>
    public const int MaxPassingCases = 3;

    /// <summary>The longest input, output or message shown per case.</summary>
    public const int MaxDocumentCharacters = 800;

    /// <summary>The most compiler or policy errors fed back in one round.</summary>
    public const int MaxDiagnostics = 10;

    /// <summary>The most error clusters and input features of the investigation shown.</summary>
    public const int MaxFindings = 3;

    /// <summary>The longest free text of the investigation (root cause, rationale, explanations) shown.</summary>
    public const int MaxFindingCharacters = 1_200;

    /// <summary>The instructions the model gets.</summary>
    public const string SystemPrompt =
        "You repair small C# tools. A tool is one C# file: a class with a [Tool] attribute implementing Autonomy.Tools.ITool, " +
        "whose ExecuteAsync(JsonNode? input, ToolContext context) takes a JSON document and returns one. It is compiled with Roslyn " +
        "into a sandbox that only allows pure computation: no files, network, processes, threads, reflection or environment.\n" +
        "You get the tool's source, an investigation of its failures, inputs it fails on (with the expected output when known) and " +
        "outputs it gives correctly. Make the smallest change that makes the failing inputs work. Keep the tool's name, attribute, " +
        "schema and every correct output unchanged. Do not swallow exceptions: for input that really cannot be handled, throw " +
        "InvalidToolInputException with a clear message.\n" +
        "Reply with the complete corrected file in one ```csharp fenced block, then one sentence saying what you changed.";

    /// <summary>The first prompt: the tool, the investigation and the cases.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="baseResults">The base version's results on the failing cases shown (what it does now), or empty.</param>
    public static string Initial(RepairProblem problem, IReadOnlyList<CaseResult> baseResults)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(baseResults);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Tool `{problem.ToolName}`, version {problem.BaseVersion}. Source:\n");
        text.Append("```csharp\n").Append(problem.Source.TrimEnd('\n', '\r')).Append("\n```\n");
        if (problem.Investigation is { } investigation)
        {
            AppendInvestigation(text, investigation);
        }

        var failing = FailingSample(problem);
        text.Append(CultureInfo.InvariantCulture, $"\nInputs it fails on ({failing.Count} of {problem.FailingCases.Count()}):\n");
        foreach (var failure in failing)
        {
            var now = baseResults.FirstOrDefault(r => ReferenceEquals(r.Case, failure));
            AppendCase(text, failure, now);
        }

        var passing = problem.PassingCases.Take(MaxPassingCases).ToList();
        if (passing.Count > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nCorrect outputs that must not change ({passing.Count} of {problem.PassingCases.Count()}):\n");
            foreach (var kept in passing)
            {
                AppendCase(text, kept, null);
            }
        }

        text.Append("\nReply with the whole corrected source in one ```csharp block.");
        return text.ToString();
    }

    /// <summary>The failing cases the first prompt shows: those with an expected output first.</summary>
    public static IReadOnlyList<RepairCase> FailingSample(RepairProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.FailingCases
            .OrderBy(c => c.Expectation == RepairExpectation.Match ? 0 : 1)
            .Take(MaxFailingCases)
            .ToList();
    }

    /// <summary>The feedback when the reply held no source.</summary>
    public static string NoSource() =>
        "Your reply held no C# source. Reply with the complete corrected tool file in one ```csharp fenced block.";

    /// <summary>The feedback when the reply was the original source unchanged.</summary>
    public static string Unchanged() =>
        "That is the original source, unchanged: it still fails the inputs above. Change it so that they work, and reply with the whole file in one ```csharp block.";

    /// <summary>The feedback when the reply repeated a source already tried.</summary>
    public static string Repeated() =>
        "That source is the same as one you sent before, which failed as described. Try a different change, and reply with the whole file in one ```csharp block.";

    /// <summary>The feedback when the source did not compile or broke the sandbox policy.</summary>
    public static string CompileErrors(IReadOnlyList<ToolDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Where(d => d.IsError).ToList();
        if (errors.Count == 0)
        {
            errors = diagnostics.ToList();
        }

        var text = new StringBuilder("Your source does not compile or breaks the sandbox policy:\n");
        foreach (var error in errors.Take(MaxDiagnostics))
        {
            text.Append(CultureInfo.InvariantCulture, $"- line {error.Line}, column {error.Column}: {error.Code}: {Cap(error.Message, MaxDocumentCharacters)}");
            if (error.Api is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $" (API {error.Api})");
            }

            text.Append('\n');
        }

        if (errors.Count > MaxDiagnostics)
        {
            text.Append(CultureInfo.InvariantCulture, $"- and {errors.Count - MaxDiagnostics} more\n");
        }

        text.Append("Fix them and reply with the whole corrected file in one ```csharp block.");
        return text.ToString();
    }

    /// <summary>The feedback when the source compiled but failed cases.</summary>
    public static string FailedCases(CandidateEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var failed = evaluation.Results.Where(r => !r.Passed).ToList();
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Your source compiles but fails {failed.Count} of the {evaluation.CasesGiven} cases:\n");
        foreach (var result in failed.OrderBy(r => r.Case.IsFailing ? 1 : 0).Take(MaxFailingCases))
        {
            AppendCase(text, result.Case, result);
        }

        if (failed.Count > MaxFailingCases)
        {
            text.Append(CultureInfo.InvariantCulture, $"- and {failed.Count - MaxFailingCases} more\n");
        }

        if (failed.Any(r => r.Case.Expectation == RepairExpectation.Keep))
        {
            text.Append("Some of these were correct before your change: keep their outputs exactly as they were.\n");
        }

        text.Append("Fix the source and reply with the whole corrected file in one ```csharp block.");
        return text.ToString();
    }

    private static void AppendInvestigation(StringBuilder text, ToolInvestigation investigation)
    {
        text.Append(CultureInfo.InvariantCulture, $"\nInvestigation ({investigation.Verdict}, confidence {investigation.Confidence:0.##}):\n");
        text.Append("Root cause: ").Append(Cap(investigation.RootCause, MaxFindingCharacters)).Append('\n');
        var clusters = investigation.ErrorClusters.Take(MaxFindings).ToList();
        if (clusters.Count > 0)
        {
            text.Append("Where it fails:\n");
            foreach (var cluster in clusters)
            {
                var pattern = cluster.Pattern;
                text.Append(CultureInfo.InvariantCulture, $"- {pattern.ExceptionType ?? pattern.Outcome}, {pattern.Count} failures ({pattern.Share:0%})");
                if (cluster.Site is { } site)
                {
                    text.Append(CultureInfo.InvariantCulture, $", thrown at line {site.Line} `{Cap(site.LineText, MaxDocumentCharacters)}`: {Cap(site.Explanation, MaxFindingCharacters)}");
                }
                else if (pattern.Line is { } line)
                {
                    text.Append(CultureInfo.InvariantCulture, $", at line {line}");
                }

                if (pattern.ExampleMessage is { } message)
                {
                    text.Append(CultureInfo.InvariantCulture, $"; message: {Cap(message, MaxDocumentCharacters)}");
                }

                text.Append('\n');
            }
        }

        var features = investigation.InputFeatures.Take(MaxFindings).ToList();
        if (features.Count > 0)
        {
            text.Append("Inputs that go with failure:\n");
            foreach (var feature in features)
            {
                text.Append("- ").Append(Cap(feature.Description, MaxFindingCharacters));
                if (feature.Example is { } example)
                {
                    text.Append(CultureInfo.InvariantCulture, $" (e.g. {Cap(example, MaxDocumentCharacters)})");
                }

                text.Append('\n');
            }
        }

        var repair = investigation.Repair;
        if (repair.Kind != RepairStrategyKind.None)
        {
            text.Append("Suggested strategy: ").Append(repair.Template is null ? repair.Kind.ToString() : $"{repair.Kind} '{repair.Template}'");
            if (repair.SuspiciousLines.Count > 0)
            {
                text.Append(" at line(s) ").Append(string.Join(", ", repair.SuspiciousLines.Take(5).Select(l => l.ToString(CultureInfo.InvariantCulture))));
            }

            text.Append(". ").Append(Cap(repair.Rationale, MaxFindingCharacters)).Append('\n');
        }
    }

    private static void AppendCase(StringBuilder text, RepairCase repairCase, CaseResult? result)
    {
        text.Append("- input: ").Append(Cap(repairCase.Input, MaxDocumentCharacters)).Append('\n');
        text.Append(repairCase.Expectation switch
        {
            RepairExpectation.Match => "  expected output: " + Cap(repairCase.ExpectedOutput, MaxDocumentCharacters),
            RepairExpectation.Keep => "  expected output (correct before, keep it): " + Cap(repairCase.ExpectedOutput, MaxDocumentCharacters),
            _ => "  expected: no failure (a meaningful result, or InvalidToolInputException with a clear message if the input is really invalid)",
        }).Append('\n');
        if (result is not null)
        {
            text.Append("  got: ").Append(result.Outcome.ToString());
            if (result.Output is not null)
            {
                text.Append(' ').Append(Cap(result.Output, MaxDocumentCharacters));
            }

            if (!string.IsNullOrEmpty(result.Message))
            {
                text.Append(": ").Append(Cap(result.Message, MaxDocumentCharacters));
            }

            text.Append('\n');
        }
    }

    private static string Cap(string? text, int max) =>
        text is null ? "(none)" : text.Length <= max ? text : string.Concat(text.AsSpan(0, max), "… (truncated)");
}
