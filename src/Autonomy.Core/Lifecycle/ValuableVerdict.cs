namespace Autonomy.Core.Lifecycle;

/// <summary>Whether a tool is valuable, and why.</summary>
/// <param name="IsValuable">Whether any rule holds.</param>
/// <param name="Executions">Its executions ever.</param>
/// <param name="LastUsedBy">The latest its last execution can have started, or null when it never ran.</param>
/// <param name="Reasons">The rules that hold, one phrase each; empty when it is not valuable.</param>
public sealed record ValuableVerdict(bool IsValuable, long Executions, DateTimeOffset? LastUsedBy, IReadOnlyList<string> Reasons)
{
    /// <summary>A tool that never ran and is not valuable.</summary>
    public static ValuableVerdict NotUsed { get; } = new(false, 0, null, []);

    /// <summary>The reasons as one phrase, or "not valuable".</summary>
    public string Describe() => IsValuable ? string.Join(" and ", Reasons) : "not valuable";
}
