namespace Autonomy.Core.Storage;

/// <summary>
/// How much a tool has been used, all versions together, from the execution rollups: every execution ever recorded
/// (invalid input included: someone called the tool) and the last hour that saw one.
/// </summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Executions">Every execution recorded.</param>
/// <param name="LastHourStart">The start of the newest rollup hour with an execution: the last execution started in that hour.</param>
public sealed record ToolUsage(string ToolName, long Executions, DateTimeOffset LastHourStart)
{
    /// <summary>
    /// The latest the last execution can have started: the end of <see cref="LastHourStart"/>'s hour. Policies that
    /// ask "unused since" take this bound, so a tool is never judged older than it is.
    /// </summary>
    public DateTimeOffset LastUsedBy => LastHourStart + ExecutionRollup.BucketWidth;
}
