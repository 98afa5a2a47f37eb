namespace Autonomy.Abstractions.Grains;

/// <summary>The loop as an operator sees it.</summary>
/// <param name="Paused">Whether the loop is paused.</param>
/// <param name="PauseReason">Why, when paused.</param>
/// <param name="ScanPeriod">How often the opportunity scan runs.</param>
/// <param name="MaintenancePeriod">How often maintenance runs.</param>
/// <param name="Statistics">The counters.</param>
/// <param name="LastScan">The last scan, or null.</param>
/// <param name="Improving">The tools the loop is improving now, with when each started.</param>
/// <param name="CoolingDown">The tools the loop leaves alone after a failed improvement, with until when.</param>
/// <param name="LastMaintenance">The last maintenance run, or null.</param>
[GenerateSerializer, Immutable, Alias("autonomy.loop-status")]
public sealed record LoopStatus(
    [property: Id(0)] bool Paused,
    [property: Id(1)] string? PauseReason,
    [property: Id(2)] TimeSpan ScanPeriod,
    [property: Id(3)] TimeSpan MaintenancePeriod,
    [property: Id(4)] LoopStatistics Statistics,
    [property: Id(5)] LoopScanResult? LastScan,
    [property: Id(6)] LoopMaintenanceResult? LastMaintenance,
    [property: Id(7)] IReadOnlyDictionary<string, DateTimeOffset>? Improving = null,
    [property: Id(8)] IReadOnlyDictionary<string, DateTimeOffset>? CoolingDown = null);
