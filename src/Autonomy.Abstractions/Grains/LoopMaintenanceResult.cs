namespace Autonomy.Abstractions.Grains;

/// <summary>What one maintenance run did.</summary>
/// <param name="StartedAt">When it started.</param>
/// <param name="Duration">How long it took.</param>
/// <param name="Skipped">Whether it was skipped (the loop is paused).</param>
/// <param name="Actions">What it did, one line each.</param>
/// <param name="Error">Why it failed, or null.</param>
[GenerateSerializer, Immutable, Alias("autonomy.loop-maintenance-result")]
public sealed record LoopMaintenanceResult(
    [property: Id(0)] DateTimeOffset StartedAt,
    [property: Id(1)] TimeSpan Duration,
    [property: Id(2)] bool Skipped,
    [property: Id(3)] IReadOnlyList<string> Actions,
    [property: Id(4)] string? Error);
