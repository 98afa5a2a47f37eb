using Autonomy.Abstractions.Execution;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Tools.Sandbox;

namespace Autonomy.Core.Repair;

/// <summary>
/// Compiles a candidate (with the sandbox rewrite and the policy check, as any version) and runs it on repair
/// cases under tight sandbox budgets, several cases at once, judging each by its <see cref="RepairExpectation"/>.
/// Owns its compiler, so candidates never evict the silo's compiled tools.
/// </summary>
public sealed class CandidateEvaluator : IDisposable
{
    private readonly ToolCompiler _compiler;
    private readonly ToolExecutor _executor;
    private readonly SandboxLimits _limits;
    private readonly int _parallelism;
    private int _evaluated;

    /// <summary>Creates an evaluator.</summary>
    /// <param name="compiler">The compiler for candidates (the evaluator disposes it).</param>
    /// <param name="executor">Runs cases.</param>
    /// <param name="options">The per-case budgets and the parallelism.</param>
    public CandidateEvaluator(ToolCompiler compiler, ToolExecutor executor, RepairOptions options)
    {
        ArgumentNullException.ThrowIfNull(compiler);
        ArgumentNullException.ThrowIfNull(executor);
        ArgumentNullException.ThrowIfNull(options);
        _compiler = compiler;
        _executor = executor;
        _parallelism = options.EffectiveParallelism;
        _limits = new SandboxLimits(
            options.CaseMaxSteps,
            512 * 1024,
            64L * 1024 * 1024,
            TimeSpan.FromMilliseconds(options.CaseTimeoutMilliseconds));
    }

    /// <summary>Candidates evaluated so far (compiled or not).</summary>
    public int Evaluated => Volatile.Read(ref _evaluated);

    /// <summary>The budgets each case runs under.</summary>
    public SandboxLimits Limits => _limits;

    /// <summary>The compiler candidates go through.</summary>
    public ToolCompiler Compiler => _compiler;

    /// <summary>Compiles <paramref name="source"/> and runs it on <paramref name="cases"/>.</summary>
    /// <param name="source">The candidate source.</param>
    /// <param name="cases">The cases, in the order to try them (put the most telling first).</param>
    /// <param name="stopAtFirstFailure">Stop at the first failed case (searching), or run all (reporting).</param>
    /// <param name="cancellationToken">Cancels the evaluation.</param>
    public async Task<CandidateEvaluation> EvaluateAsync(string source, IReadOnlyList<RepairCase> cases, bool stopAtFirstFailure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(cases);
        Interlocked.Increment(ref _evaluated);
        var compiled = await _compiler.CompileAsync(source, cancellationToken);
        if (!compiled.Succeeded)
        {
            return new CandidateEvaluation(false, compiled.Errors.ToList(), [], cases.Count);
        }

        return await RunAsync(compiled.Tool!, cases, stopAtFirstFailure, cancellationToken);
    }

    /// <summary>Runs an already compiled tool on <paramref name="cases"/>.</summary>
    public async Task<CandidateEvaluation> RunAsync(CompiledTool tool, IReadOnlyList<RepairCase> cases, bool stopAtFirstFailure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tool);
        ArgumentNullException.ThrowIfNull(cases);
        var results = new CaseResult?[cases.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Parallel.ForEachAsync(
                Enumerable.Range(0, cases.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _parallelism, CancellationToken = stop.Token },
                async (index, token) =>
                {
                    var result = await _executor.ExecuteAsync(tool, cases[index].Input, _limits, token);
                    var judged = Judge(cases[index], result);
                    results[index] = judged;
                    if (!judged.Passed && stopAtFirstFailure)
                    {
                        await stop.CancelAsync();
                    }
                });
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Stopped at a failure: the results so far say enough.
        }

        cancellationToken.ThrowIfCancellationRequested();
        return new CandidateEvaluation(true, [], results.Where(r => r is not null).Select(r => r!).ToList(), cases.Count);
    }

    /// <summary>Judges one result against its case.</summary>
    public static CaseResult Judge(RepairCase repairCase, ExecutionResult result)
    {
        ArgumentNullException.ThrowIfNull(repairCase);
        ArgumentNullException.ThrowIfNull(result);
        var passed = repairCase.Expectation switch
        {
            RepairExpectation.Succeed => result.Outcome is ExecutionOutcome.Success or ExecutionOutcome.InvalidInput,
            RepairExpectation.Match or RepairExpectation.Keep => result.Outcome == ExecutionOutcome.Success && ExampleRunner.JsonEquals(repairCase.ExpectedOutput, result.Output),
            _ => false,
        };
        return new CaseResult(repairCase, passed, result.Outcome, result.Output, result.Message);
    }

    /// <inheritdoc />
    public void Dispose() => _compiler.Dispose();
}
