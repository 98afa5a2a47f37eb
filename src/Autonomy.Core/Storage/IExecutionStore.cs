namespace Autonomy.Core.Storage;

/// <summary>
/// Reads the execution log and its rollups. Aggregate questions (success rates, latency, the opportunity scan)
/// are answered from rollups, whose size grows with tools and hours, never with executions; raw executions are
/// read a page at a time, for patterns and replays.
/// </summary>
/// <remarks>
/// Windows are resolved to whole rollup buckets (hours): a window <c>[from, to)</c> covers the buckets whose start
/// is in <c>[BucketOf(from), to)</c>, so the hour holding <c>from</c> is included in full. The scans read the whole
/// UTC days of a window from the daily rollups, which the sinks update with every batch: a window from a midnight to
/// the next midnight after now (today so far and whole earlier days) reads one daily row per tool and day, and no
/// hourly row.
/// </remarks>
public interface IExecutionStore
{
    /// <summary>The newest executions of a tool, or of one version of it, newest first.</summary>
    /// <param name="toolName">The tool.</param>
    /// <param name="toolVersion">One version, or null for all.</param>
    /// <param name="limit">The most rows to return.</param>
    /// <param name="before">Only executions that started before this time (paging), or null for the newest.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<ExecutionRecord>> ReadRecentAsync(
        string toolName, int? toolVersion, int limit, DateTimeOffset? before = null, CancellationToken cancellationToken = default);

    /// <summary>The newest executions of a tool that count against it (tool error, timeout, budget, invalid output), newest first.</summary>
    /// <param name="toolName">The tool.</param>
    /// <param name="since">Only failures that started at or after this time.</param>
    /// <param name="limit">The most rows to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<ExecutionRecord>> ReadFailuresAsync(
        string toolName, DateTimeOffset since, int limit, CancellationToken cancellationToken = default);

    /// <summary>The executions with these ids that are stored, in no particular order.</summary>
    Task<IReadOnlyList<ExecutionRecord>> ReadByIdsAsync(
        IReadOnlyCollection<Guid> executionIds, CancellationToken cancellationToken = default);

    /// <summary>The hourly rollups of a tool, or of one version, in a window, ordered by version and bucket.</summary>
    /// <param name="toolName">The tool.</param>
    /// <param name="toolVersion">One version, or null for all.</param>
    /// <param name="from">The start of the window (its hour is included).</param>
    /// <param name="to">The end of the window, exclusive.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<ExecutionRollup>> ReadRollupsAsync(
        string toolName, int? toolVersion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>
    /// The loop's opportunity scan, from rollups alone: tools (all versions together) whose success rate in the
    /// window is below <paramref name="successRateBelow"/> with at least <paramref name="minExecutions"/>
    /// attributable executions. Invalid input is the caller's fault and counts neither way: the rate is
    /// successes / (all − invalid input), and so is the execution count. Worst first, then by name.
    /// </summary>
    /// <param name="from">The start of the window (its hour is included).</param>
    /// <param name="to">The end of the window, exclusive.</param>
    /// <param name="successRateBelow">The threshold, 0 to 1 (0.7 in the design).</param>
    /// <param name="minExecutions">The fewest attributable executions a tool needs to be judged (10 in the design).</param>
    /// <param name="limit">The most tools to return.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<ToolRollupSummary>> FindToolsBelowSuccessRateAsync(
        DateTimeOffset from, DateTimeOffset to, double successRateBelow, int minExecutions, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// The loop's opportunity scan, as <see cref="FindToolsBelowSuccessRateAsync"/> (same window, rate, execution
    /// floor and order), that also counts the tools it judged: every tool with at least
    /// <paramref name="minExecutions"/> attributable executions (and at least one) in the window, whatever its rate. Only the tools below
    /// the threshold come back, so a scan over many healthy tools returns a count, not a row per tool.
    /// </summary>
    /// <param name="from">The start of the window (its hour is included).</param>
    /// <param name="to">The end of the window, exclusive.</param>
    /// <param name="successRateBelow">The threshold, 0 to 1 (0.7 in the design).</param>
    /// <param name="minExecutions">The fewest attributable executions a tool needs to be judged (10 in the design).</param>
    /// <param name="limit">The most tools below the threshold to return, worst first.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<ToolRollupScan> ScanToolsBelowSuccessRateAsync(
        DateTimeOffset from, DateTimeOffset to, double successRateBelow, int minExecutions, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// How much every tool that has run has been used: all its executions ever recorded, and the last hour that saw
    /// one, by name (ordinal). Read from the rollups alone, never from <c>tool_executions</c>: the totals and each
    /// tool's last day from the daily rollups (a row per tool, version and day), then that day's hourly rows of the
    /// versions that ran on it, through the hourly table's primary key. Tools that never ran have no row.
    /// </summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    Task<IReadOnlyList<ToolUsage>> ReadToolUsageAsync(CancellationToken cancellationToken = default);
}
