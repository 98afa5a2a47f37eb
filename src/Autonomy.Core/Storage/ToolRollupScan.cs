namespace Autonomy.Core.Storage;

/// <summary>
/// The answer of <see cref="IExecutionStore.ScanToolsBelowSuccessRateAsync"/>: how many tools the window judged,
/// and the worst of them below the threshold.
/// </summary>
/// <param name="ToolsJudged">Tools with at least the minimum of attributable executions in the window, below the threshold or not.</param>
/// <param name="Below">The judged tools below the threshold, worst first, then by name, at most the limit asked for.</param>
public sealed record ToolRollupScan(int ToolsJudged, IReadOnlyList<ToolRollupSummary> Below);
