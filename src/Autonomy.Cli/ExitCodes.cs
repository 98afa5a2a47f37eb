namespace Autonomy.Cli;

/// <summary>The exit codes of <c>autonomy</c>, the same for every command.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked: the tool is acceptable, or the execution succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The tool ran but did not succeed (any outcome other than Success), or an example did not match.</summary>
    public const int ToolFailed = 1;

    /// <summary>The tool source was rejected (compile errors, policy violations, contract problems).</summary>
    public const int Rejected = 2;

    /// <summary>The command itself was wrong: a missing file, bad JSON on the command line, a bad option.</summary>
    public const int UsageError = 64;
}
