using Autonomy.Abstractions.Execution;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Silo.Demo;

namespace Autonomy.Silo.Tests.Demo;

/// <summary>One compiler (its cache keeps each source compiled once) and executor, with the default policy and budgets.</summary>
public sealed class DemoSamplesFixture : IDisposable
{
    private readonly ToolCompiler _compiler = new();
    private readonly ToolExecutor _executor = new();

    internal TrafficPlan Plan { get; } = DemoFiles.Plan();

    /// <summary>Compiles a source and fails the test with the diagnostics when it is rejected.</summary>
    public async Task<CompiledTool> CompileAsync(string source)
    {
        var result = await _compiler.CompileAsync(source);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors.Select(e => e.ToString())));
        return result.Tool!;
    }

    /// <summary>Runs every input of a tool's traffic.</summary>
    internal async Task<IReadOnlyList<(TrafficInput Input, ExecutionResult Result)>> RunTrafficAsync(CompiledTool tool, string name)
    {
        var results = new List<(TrafficInput, ExecutionResult)>();
        foreach (var input in Plan.Tools.Single(t => t.Name == name).Inputs)
        {
            results.Add((input, await _executor.ExecuteAsync(tool, input.Json)));
        }

        return results;
    }

    internal ExampleRunner Examples() => new(_executor);

    public void Dispose() => _compiler.Dispose();
}
