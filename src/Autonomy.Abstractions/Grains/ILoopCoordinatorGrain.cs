using Orleans.Concurrency;

namespace Autonomy.Abstractions.Grains;

/// <summary>
/// The improvement loop's scheduler, one per cluster (key: <see cref="ClusterKey"/>). Reminders run the opportunity
/// scan (every five minutes) and maintenance (daily); the scan reads rollups and never wakes every tool's grain.
/// Keeps the loop's statistics, persisted.
/// </summary>
[Alias("autonomy.loop-coordinator")]
public interface ILoopCoordinatorGrain : IGrainWithStringKey
{
    /// <summary>The key of the one coordinator of a cluster.</summary>
    const string ClusterKey = "loop";

    /// <summary>Makes sure the reminders are registered (idempotent); the silo calls this at start-up.</summary>
    [Alias("ensure-started")]
    Task<LoopStatus> EnsureStartedAsync();

    /// <summary>The statistics, the schedule, whether the loop is paused, and what the last scan found.</summary>
    [Alias("status")]
    Task<LoopStatus> GetStatusAsync();

    /// <summary>Pauses the loop: reminders still tick, but scans and maintenance are skipped until resumed.</summary>
    [Alias("pause")]
    Task<LoopStatus> PauseAsync(string reason);

    /// <summary>Resumes a paused loop.</summary>
    [Alias("resume")]
    Task<LoopStatus> ResumeAsync();

    /// <summary>Runs one opportunity scan now, paused or not, and returns what it found.</summary>
    [Alias("run-scan")]
    Task<LoopScanResult> RunScanNowAsync();

    /// <summary>Runs maintenance now, paused or not.</summary>
    [Alias("run-maintenance")]
    Task<LoopMaintenanceResult> RunMaintenanceNowAsync();

    /// <summary>
    /// How an improvement the loop started ended (or, for <see cref="ImprovementOutcome.InShadow"/>, where it
    /// stands): frees its slot, updates the statistics, and after a failure puts the tool in the loop's cooldown.
    /// </summary>
    [Alias("record-improvement-outcome"), OneWay]
    Task RecordImprovementOutcomeAsync(string toolName, ImprovementOutcome outcome);

    /// <summary>
    /// Tells the coordinator that a tool rolled back, so that the loop's statistics count the rollbacks its
    /// monitoring triggered (<see cref="LoopStatistics.RollbacksTriggered"/> counts the automatic ones). One-way: the
    /// tool's grain sends it from inside its health check and never waits on the coordinator.
    /// </summary>
    [Alias("record-rollback"), OneWay]
    Task RecordRollbackAsync(string toolName, int fromVersion, int toVersion, bool automatic);
}
