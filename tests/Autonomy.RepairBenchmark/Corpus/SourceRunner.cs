using Autonomy.Abstractions.Execution;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Tools.Sandbox;

namespace Autonomy.RepairBenchmark.Corpus;

/// <summary>Compiles a source through the product's compiler and policy, and runs it on inputs under the repair's sandbox budgets.</summary>
public sealed class SourceRunner
{
    private readonly ToolCompiler _compiler;
    private readonly ToolExecutor _executor;
    private readonly SandboxLimits _limits;

    /// <summary>Creates a runner; it does not own <paramref name="compiler"/>.</summary>
    public SourceRunner(ToolCompiler compiler, ToolExecutor executor, SandboxLimits limits)
    {
        _compiler = compiler;
        _executor = executor;
        _limits = limits;
    }

    /// <summary>Compiles <paramref name="source"/> and runs it on each input in turn.</summary>
    /// <returns>The compiler's errors (empty when it compiled) and the results, one per input (none when it did not compile).</returns>
    public async Task<(IReadOnlyList<string> Errors, IReadOnlyList<ExecutionResult> Results)> RunAsync(string source, IReadOnlyList<string> inputs, CancellationToken cancellationToken)
    {
        var compiled = await _compiler.CompileAsync(source, cancellationToken);
        if (!compiled.Succeeded)
        {
            return (compiled.Errors.Select(e => $"line {e.Line}: {e.Code} {e.Message}").ToList(), []);
        }

        var results = new List<ExecutionResult>(inputs.Count);
        foreach (var input in inputs)
        {
            results.Add(await _executor.ExecuteAsync(compiled.Tool!, input, _limits, cancellationToken));
        }

        return ([], results);
    }
}
