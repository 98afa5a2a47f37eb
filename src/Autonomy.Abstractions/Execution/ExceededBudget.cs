namespace Autonomy.Abstractions.Execution;

/// <summary>Which budget an execution ran out of, for <see cref="ExecutionOutcome.BudgetExceeded"/>.</summary>
public enum ExceededBudget
{
    None = 0,
    Steps = 1,
    CallDepth = 2,
    Memory = 3,
}
