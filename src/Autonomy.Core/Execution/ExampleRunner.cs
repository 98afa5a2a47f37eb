using System.Text.Json.Nodes;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Tools;
using Autonomy.Core.Compilation;

namespace Autonomy.Core.Execution;

/// <summary>Runs a tool's declared examples and compares each output with the expected one as JSON.</summary>
public sealed class ExampleRunner(ToolExecutor executor)
{
    /// <summary>The result of one example.</summary>
    /// <param name="Example">The declared example.</param>
    /// <param name="Result">What the execution gave.</param>
    /// <param name="Passed">Whether it succeeded and, where an output is expected, produced it (JSON-equal).</param>
    public sealed record ExampleResult(ToolExampleCase Example, ExecutionResult Result, bool Passed);

    /// <summary>Runs every example, one after another.</summary>
    public async Task<IReadOnlyList<ExampleResult>> RunAsync(CompiledTool tool, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tool);
        var results = new List<ExampleResult>();
        foreach (var example in tool.Metadata.Examples)
        {
            var result = await executor.ExecuteAsync(tool, example.Input, cancellationToken);
            results.Add(new ExampleResult(example, result, Passes(example, result)));
        }

        return results;
    }

    /// <summary>Whether two JSON texts denote the same value (key order and number spelling do not matter).</summary>
    public static bool JsonEquals(string? left, string? right)
    {
        if (left is null || right is null)
        {
            return left is null && right is null;
        }

        return JsonNode.DeepEquals(JsonNode.Parse(left), JsonNode.Parse(right));
    }

    private static bool Passes(ToolExampleCase example, ExecutionResult result) =>
        result.Outcome == ExecutionOutcome.Success
        && (example.ExpectedOutput is null || JsonEquals(example.ExpectedOutput, result.Output));
}
