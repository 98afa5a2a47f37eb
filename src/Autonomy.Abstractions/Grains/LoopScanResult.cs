namespace Autonomy.Abstractions.Grains;

/// <summary>What one opportunity scan did.</summary>
/// <param name="StartedAt">When it started.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Skipped">Whether it was skipped (the loop is paused); then nothing else is set.</param>
/// <param name="ToolsAnalyzed">How many tools' rollups were judged.</param>
/// <param name="Opportunities">What it found, worst first.</param>
/// <param name="Error">Why it failed, or null.</param>
[GenerateSerializer, Immutable, Alias("autonomy.loop-scan-result")]
public sealed record LoopScanResult(
    [property: Id(0)] DateTimeOffset StartedAt,
    [property: Id(1)] TimeSpan Duration,
    [property: Id(2)] bool Skipped,
    [property: Id(3)] int ToolsAnalyzed,
    [property: Id(4)] IReadOnlyList<LoopOpportunity> Opportunities,
    [property: Id(5)] string? Error);
