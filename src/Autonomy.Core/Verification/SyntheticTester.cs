using System.Globalization;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Tools;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;

namespace Autonomy.Core.Verification;

/// <summary>
/// Synthetic testing: the tool's declared examples must give their expected outputs, and on inputs generated from
/// the input schema (<see cref="SyntheticInputGenerator"/>: boundary values, missing optional fields, every enum
/// value) the candidate must not fail where the old version did not. A generated input may be refused
/// (<c>InvalidInput</c>): a clear refusal is an answer; a crash, a timeout, a budget overrun or an output that breaks
/// the contract is not. Results go into the attempt's details (there is no table for them).
/// </summary>
public sealed class SyntheticTester(ToolExecutor executor)
{
    /// <summary>Failures listed in the details.</summary>
    public const int DetailSamples = 10;

    /// <summary>The inputs generated from the tool's input schema, seeded with its first example.</summary>
    public static IReadOnlyList<SyntheticInput> Generate(ToolMetadata metadata, VerificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(metadata.InputSchema) || options.SyntheticMaximumInputs == 0)
        {
            return [];
        }

        return SyntheticInputGenerator.Generate(metadata.InputSchema, metadata.Examples.FirstOrDefault()?.Input, options.SyntheticMaximumInputs);
    }

    /// <summary>Runs the examples and the generated inputs.</summary>
    public async Task<StrategyResult> RunAsync(
        CompiledTool baseline, CompiledTool candidate, IReadOnlyList<ToolExampleCase> examples, IReadOnlyList<SyntheticInput> generated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(examples);
        ArgumentNullException.ThrowIfNull(generated);
        var failures = new List<object>();
        var passedExamples = 0;
        foreach (var example in examples)
        {
            var result = await executor.ExecuteAsync(candidate, example.Input, cancellationToken).ConfigureAwait(false);
            if (result.Outcome == ExecutionOutcome.Success && ExampleRunner.JsonEquals(example.ExpectedOutput, result.Output))
            {
                passedExamples++;
            }
            else if (failures.Count < DetailSamples)
            {
                failures.Add(new { kind = "example", input = example.Input, expected = example.ExpectedOutput, outcome = result.Outcome.ToString(), output = result.Output, message = result.Message });
            }
        }

        var passedGenerated = 0;
        foreach (var input in generated)
        {
            var next = await executor.ExecuteAsync(candidate, input.Json, cancellationToken).ConfigureAwait(false);
            if (!next.CountsAsToolFailure)
            {
                passedGenerated++;
                continue;
            }

            // The candidate fails here: it counts against it only where the old version did not fail too.
            var old = await executor.ExecuteAsync(baseline, input.Json, cancellationToken).ConfigureAwait(false);
            if (old.CountsAsToolFailure)
            {
                passedGenerated++;
                continue;
            }

            if (failures.Count < DetailSamples)
            {
                failures.Add(new { kind = "generated", input = input.Json, what = input.Description, outcome = next.Outcome.ToString(), message = next.Message, oldOutcome = old.Outcome.ToString() });
            }
        }

        var cases = examples.Count + generated.Count;
        var passedCases = passedExamples + passedGenerated;
        var passed = cases > 0 && passedCases == cases;
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"synthetic: {passedExamples} of {examples.Count} examples match, {passedGenerated} of {generated.Count} generated inputs answered without a new failure");
        return new StrategyResult(TestingStrategy.Synthetic, passed, cases, passedCases, summary, null, new { examples = examples.Count, passedExamples, generated = generated.Count, passedGenerated, failures });
    }
}
