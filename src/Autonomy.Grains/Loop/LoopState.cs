using Autonomy.Abstractions.Grains;

namespace Autonomy.Grains.Loop;

/// <summary>
/// The persisted state of the loop's coordinator. Small and bounded: counters, the pause, the registered reminder
/// periods and the last scan and maintenance results (capped by <see cref="LoopOptions.MaxOpportunitiesPerScan"/>
/// and <see cref="MaxMaintenanceActions"/>). Opportunities themselves are recorded by the processor.
/// </summary>
[GenerateSerializer, Alias("autonomy.loop-state")]
public sealed class LoopState
{
    /// <summary>Action lines kept from one maintenance run.</summary>
    public const int MaxMaintenanceActions = 50;

    /// <summary>
    /// The counters. Each state gets its own zeroed instance, never a shared static one: the JSON grain-storage
    /// serializer populates an existing non-null property in place when it reads a state, so a shared default
    /// would take the values of the first state read in the process.
    /// </summary>
    [Id(0)] public LoopStatistics Statistics { get; set; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    [Id(1)] public bool Paused { get; set; }

    [Id(2)] public string? PauseReason { get; set; }

    [Id(3)] public LoopScanResult? LastScan { get; set; }

    [Id(4)] public LoopMaintenanceResult? LastMaintenance { get; set; }

    /// <summary>The period the scan reminder was registered with, or null before it was.</summary>
    [Id(5)] public TimeSpan? ScanReminderPeriod { get; set; }

    /// <summary>The period the maintenance reminder was registered with, or null before it was.</summary>
    [Id(6)] public TimeSpan? MaintenanceReminderPeriod { get; set; }

    /// <summary>Tools the loop is improving, with when each started (bounded by <see cref="LoopOptions.MaxConcurrentImprovements"/>).</summary>
    [Id(7)] public Dictionary<string, DateTimeOffset> Improving { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Tools the loop leaves alone until the time given, after a failed improvement (expired entries are dropped at each scan).</summary>
    [Id(8)] public Dictionary<string, DateTimeOffset> Cooldowns { get; set; } = new(StringComparer.Ordinal);
}
