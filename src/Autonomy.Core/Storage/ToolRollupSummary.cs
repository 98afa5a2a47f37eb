namespace Autonomy.Core.Storage;

/// <summary>
/// One tool's executions over a window, summed from its rollups across all its versions: the row the loop's
/// opportunity scan reads.
/// </summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Successes">Successful executions.</param>
/// <param name="ToolErrors">Executions where the tool threw.</param>
/// <param name="Timeouts">Executions that ran out of time.</param>
/// <param name="BudgetExceeded">Executions that ran out of a sandbox budget.</param>
/// <param name="InvalidInputs">Executions the caller got wrong; they never count against the tool.</param>
/// <param name="InvalidOutputs">Executions whose output broke the tool's contract.</param>
public sealed record ToolRollupSummary(
    string ToolName,
    long Successes,
    long ToolErrors,
    long Timeouts,
    long BudgetExceeded,
    long InvalidInputs,
    long InvalidOutputs)
{
    /// <summary>All executions.</summary>
    public long Total => Successes + ToolErrors + Timeouts + BudgetExceeded + InvalidInputs + InvalidOutputs;

    /// <summary>Executions that count for or against the tool: all but invalid input.</summary>
    public long Attributable => Total - InvalidInputs;

    /// <summary>Successes over attributable executions (0 when there are none).</summary>
    public double SuccessRate => Attributable == 0 ? 0 : (double)Successes / Attributable;
}
