namespace Autonomy.Abstractions.Execution;

/// <summary>How an execution ended. Every execution ends in exactly one outcome.</summary>
public enum ExecutionOutcome
{
    /// <summary>The tool returned output that satisfies its contract.</summary>
    Success = 0,

    /// <summary>The tool threw. The error names the exception type, message and source line.</summary>
    ToolError = 1,

    /// <summary>The deadline passed, or the caller cancelled.</summary>
    Timeout = 2,

    /// <summary>A step, call-depth or memory budget ran out.</summary>
    BudgetExceeded = 3,

    /// <summary>The input is not JSON, breaks the input schema, or the tool rejected it. The caller's fault: never counted against the tool.</summary>
    InvalidInput = 4,

    /// <summary>The output breaks the tool's output contract.</summary>
    InvalidOutput = 5,
}
