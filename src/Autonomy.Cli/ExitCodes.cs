using Autonomy.Abstractions.Execution;

namespace Autonomy.Cli;

/// <summary>The exit codes of <c>autonomy</c>, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked: the tool is acceptable, the execution succeeded, the change was made.</summary>
    public const int Ok = 0;

    /// <summary>
    /// The tool ran but failed (ToolError, Timeout, BudgetExceeded, InvalidOutput), an example did not match, the
    /// active version could not be loaded, or a loop run reported an error.
    /// </summary>
    public const int ToolFailed = 1;

    /// <summary>The tool source was rejected (compile errors, policy violations, contract problems).</summary>
    public const int Rejected = 2;

    /// <summary>The tool refused the input (the InvalidInput outcome): the caller's fault, never counted against the tool.</summary>
    public const int InvalidInput = 3;

    /// <summary>The cluster has no such tool, version, execution or alert, or no stored investigation report on the tool.</summary>
    public const int NotFound = 4;

    /// <summary>
    /// The cluster refused the command: the tool is pinned, archived, deleted or not deployed, there is nothing to roll
    /// back to, or the alert was already acknowledged.
    /// </summary>
    public const int Refused = 5;

    /// <summary>The command itself was wrong: a missing file, bad JSON on the command line, a bad option.</summary>
    public const int UsageError = 64;

    /// <summary>No silo answered (sysexits EX_UNAVAILABLE), or the connection was lost during the command.</summary>
    public const int Unavailable = 69;

    /// <summary>The cluster answered with an error the command did not expect (sysexits EX_SOFTWARE).</summary>
    public const int ClusterError = 70;

    /// <summary>The exit code for an execution's outcome.</summary>
    public static int For(ExecutionOutcome outcome) => outcome switch
    {
        ExecutionOutcome.Success => Ok,
        ExecutionOutcome.InvalidInput => InvalidInput,
        _ => ToolFailed,
    };
}
