using System.Reflection;
using Autonomy.Abstractions.Execution;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Tools.Sandbox;

namespace Autonomy.Core.Repair.Mutation;

/// <summary>
/// Runs a compiled mutant schema under the sandbox: sets the active mutant ids (or the coverage array) in the
/// schema's <see cref="AsyncLocal{T}"/>s for the current flow, which the executor's task inherits, so parallel
/// executions of different mutants never see each other's ids.
/// </summary>
internal sealed class MutantRunner
{
    private readonly CompiledTool _tool;
    private readonly ToolExecutor _executor;
    private readonly SandboxLimits _limits;
    private readonly AsyncLocal<int[]?> _active;
    private readonly AsyncLocal<bool[]?> _hits;
    private long _executions;
    private int _budgetStops;

    public MutantRunner(CompiledTool tool, ToolExecutor executor, SandboxLimits limits)
    {
        _tool = tool;
        _executor = executor;
        _limits = limits;
        var scaffold = tool.Assembly.GetTypes().First(t => t.Name == MutantSchemaBuilder.ScaffoldName);
        const BindingFlags flags = BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public;
        _active = (AsyncLocal<int[]?>)scaffold.GetField("Active", flags)!.GetValue(null)!;
        _hits = (AsyncLocal<bool[]?>)scaffold.GetField("Hits", flags)!.GetValue(null)!;
    }

    /// <summary>Case executions so far.</summary>
    public long Executions => Interlocked.Read(ref _executions);

    /// <summary>Executions stopped by a budget (steps, depth, memory or time): the cost of mutants that loop or recurse forever.</summary>
    public int BudgetStops => Volatile.Read(ref _budgetStops);

    /// <summary>Runs the original (no mutant active) on one case, recording which probes ran.</summary>
    public async Task<(CaseResult Result, bool[] Hits)> RunWithCoverageAsync(RepairCase repairCase, int probes, CancellationToken cancellationToken)
    {
        var hits = new bool[probes];
        _active.Value = null;
        _hits.Value = hits;
        var result = await RunAsync(repairCase, cancellationToken);
        return (result, hits);
    }

    /// <summary>Whether the mutant (one id, or two for a pair) passes every case; stops at the first it fails.</summary>
    public async Task<bool> PassesAsync(int[] ids, IReadOnlyList<RepairCase> cases, CancellationToken cancellationToken)
    {
        _active.Value = ids;
        _hits.Value = null;
        foreach (var repairCase in cases)
        {
            if (!(await RunAsync(repairCase, cancellationToken)).Passed)
            {
                return false;
            }
        }

        return true;
    }

    private async Task<CaseResult> RunAsync(RepairCase repairCase, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _executions);
        var result = await _executor.ExecuteAsync(_tool, repairCase.Input, _limits, cancellationToken);
        if (result.Outcome is ExecutionOutcome.BudgetExceeded or ExecutionOutcome.Timeout)
        {
            Interlocked.Increment(ref _budgetStops);
        }

        return CandidateEvaluator.Judge(repairCase, result);
    }
}
