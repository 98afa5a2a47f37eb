using Autonomy.Abstractions.Execution;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;

namespace Autonomy.Benchmarks.Cluster;

/// <summary>
/// The trivial tool through <see cref="ToolExecutor"/> alone, in this process, without Orleans, the grain or the
/// execution log: JSON parsing, the sandbox, the thread-pool hop, deadlines and output serialisation. For
/// information: it shows how much of a cluster execution's cost the executor is.
/// </summary>
internal sealed class ExecutorAlone : IDisposable
{
    private readonly ToolCompiler _compiler;
    private readonly CompiledTool _tool;
    private readonly ToolExecutor _executor = new();

    private ExecutorAlone(ToolCompiler compiler, CompiledTool tool)
    {
        _compiler = compiler;
        _tool = tool;
    }

    /// <summary>Compiles the trivial tool; the compiler stays alive, since disposing it unloads the tool.</summary>
    public static async Task<ExecutorAlone> StartAsync()
    {
        var compiler = new ToolCompiler();
        try
        {
            return new ExecutorAlone(compiler, BenchmarkTools.Require(await compiler.CompileAsync(TrivialTool.Source, CancellationToken.None)));
        }
        catch
        {
            compiler.Dispose();
            throw;
        }
    }

    public void Dispose() => _compiler.Dispose();

    public Task<LoadRound> RunAsync(int callers, TimeSpan duration) =>
        LoadRound.RunAsync(callers, duration, async _ =>
        {
            var result = await _executor.ExecuteAsync(_tool, TrivialTool.Input);
            if (result.Outcome != ExecutionOutcome.Success)
            {
                throw new InvalidOperationException($"The tool failed: {result.Outcome} {result.Error}");
            }
        });
}
