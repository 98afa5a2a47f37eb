namespace Autonomy.Core.Analysis;

/// <summary>Latency of a set of executions, estimated from rollup histograms (see <c>ExecutionLatencyHistogram</c>).</summary>
/// <param name="MeanMs">The exact mean.</param>
/// <param name="P50Ms">The median (estimate, ±19 %).</param>
/// <param name="P95Ms">The 95th percentile (estimate).</param>
/// <param name="P99Ms">The 99th percentile (estimate).</param>
/// <param name="MaxMs">The exact maximum.</param>
public sealed record LatencySummary(double MeanMs, double P50Ms, double P95Ms, double P99Ms, double MaxMs);
