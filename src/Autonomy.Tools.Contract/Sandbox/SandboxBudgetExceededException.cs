namespace Autonomy.Tools.Sandbox;

/// <summary>
/// Thrown into tool code when a budget runs out. Catching it does not help a tool: once a budget has run out,
/// every further step, call or allocation check throws again, and the execution is reported as over budget
/// whatever the tool returns.
/// </summary>
public sealed class SandboxBudgetExceededException : Exception
{
    public SandboxBudgetExceededException()
    {
    }

    public SandboxBudgetExceededException(string message) : base(message)
    {
    }

    public SandboxBudgetExceededException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public SandboxBudgetExceededException(SandboxBudget budget, string message) : base(message)
    {
        Budget = budget;
    }

    /// <summary>The budget that ran out.</summary>
    public SandboxBudget Budget { get; }
}
