namespace Autonomy.Abstractions.Grains;

/// <summary>Execution counts of one version in one time bucket.</summary>
/// <param name="Version">The version.</param>
/// <param name="BucketStart">The bucket's start (aligned to the bucket size).</param>
/// <param name="Successes">Successful executions.</param>
/// <param name="ToolFailures">Executions that count against the tool.</param>
/// <param name="InvalidInputs">Executions whose input was invalid.</param>
/// <param name="DurationMicroseconds">Total duration of the executions, in microseconds.</param>
[GenerateSerializer, Immutable, Alias("autonomy.metrics-bucket-counts")]
public sealed record MetricsBucketCounts(
    [property: Id(0)] int Version,
    [property: Id(1)] DateTimeOffset BucketStart,
    [property: Id(2)] long Successes,
    [property: Id(3)] long ToolFailures,
    [property: Id(4)] long InvalidInputs,
    [property: Id(5)] long DurationMicroseconds);
