namespace Autonomy.Abstractions.Grains;

/// <summary>Counts aggregated by one worker since its last flush, per version and bucket.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Buckets">The counts.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-metrics-batch")]
public sealed record ToolMetricsBatch(
    [property: Id(0)] string ToolName,
    [property: Id(1)] IReadOnlyList<MetricsBucketCounts> Buckets);
