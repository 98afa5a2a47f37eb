namespace Autonomy.Abstractions.Grains;

/// <summary>Two versions of a tool side by side: their history, their metrics over their live periods, and the diff.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Left">The first version's history.</param>
/// <param name="Right">The second version's history.</param>
/// <param name="LeftMetrics">The first version's metrics.</param>
/// <param name="RightMetrics">The second version's metrics.</param>
/// <param name="Diff">The unified diff from the first to the second; empty when the sources are equal.</param>
[GenerateSerializer, Immutable, Alias("autonomy.version-comparison")]
public sealed record VersionComparison(
    [property: Id(0)] string ToolName,
    [property: Id(1)] VersionHistoryEntry Left,
    [property: Id(2)] VersionHistoryEntry Right,
    [property: Id(3)] VersionSideMetrics LeftMetrics,
    [property: Id(4)] VersionSideMetrics RightMetrics,
    [property: Id(5)] string Diff);
