using System.ComponentModel.DataAnnotations;
using Autonomy.Core.Storage;

namespace Autonomy.Grains.Loop;

/// <summary>
/// Options of the improvement loop's coordinator (section <c>Autonomy:Loop</c>). The opportunity thresholds are the
/// analyzer's, in <c>Autonomy:Analysis</c> (<c>AnalysisOptions</c>), so the scan and an investigation judge a tool alike.
/// </summary>
public sealed class LoopOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:Loop";

    /// <summary>Default opportunity-scan period: five minutes, the predecessor's <c>check_interval_seconds</c>.</summary>
    public const int DefaultScanPeriodSeconds = 300;

    /// <summary>Default maintenance period: daily, the predecessor's <c>maintenance_interval_hours</c>.</summary>
    public const int DefaultMaintenancePeriodSeconds = 86_400;

    /// <summary>
    /// Default scan window: two UTC days, yesterday and today so far (24 to 48 hours of executions). Whole days let
    /// the scan read one daily rollup row per tool and day instead of an hourly row per tool and hour; two of them
    /// keep a full day in the window just after midnight, when today alone holds almost nothing. A fixed tool stops
    /// being an opportunity within two days at most (a 7-day window would keep flagging it for a week).
    /// </summary>
    public const int DefaultScanWindowDays = 2;

    /// <summary>
    /// Default time before the loop investigates a tool it already investigated again: an hour, twelve scans. A
    /// deploy or rollback of the tool since its last investigation lifts it.
    /// </summary>
    public const int DefaultReinvestigateAfterMinutes = 60;

    /// <summary>Default most opportunities one scan keeps and hands on, worst first.</summary>
    public const int DefaultMaxOpportunitiesPerScan = 50;

    /// <summary>Default most tools below the threshold one rollup read of the scan returns.</summary>
    public const int DefaultMaxToolsPerScan = 10_000;

    /// <summary>Default time an opportunity processor gets for one opportunity.</summary>
    public const int DefaultProcessorTimeoutSeconds = 30;

    /// <summary>Default time past its end after which maintenance treats an active monitoring session as overdue.</summary>
    public const int DefaultMonitoringGraceSeconds = 3_600;

    /// <summary>Default most improvements at once.</summary>
    public const int DefaultMaxConcurrentImprovements = 2;

    /// <summary>Default cooldown after a failed improvement: one hour.</summary>
    public const int DefaultImprovementCooldownMinutes = 60;

    /// <summary>Default time an improvement may hold its slot: two hours (a repair, then at most an hour of live shadow).</summary>
    public const int DefaultImprovementSlotMinutes = 120;

    /// <summary>Default most overdue monitoring sessions one maintenance run closes.</summary>
    public const int DefaultMaxSessionsPerMaintenance = 100;

    /// <summary>
    /// Whether the silo starts the loop: registers the coordinator's reminders at start-up and lets their ticks
    /// work. When false, ticks of reminders registered earlier do nothing; the run-now commands still work.
    /// </summary>
    /// <value>Defaults to true.</value>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the opportunity scan runs.</summary>
    /// <value>Defaults to <see cref="DefaultScanPeriodSeconds"/>.</value>
    [Range(1, 86_400)]
    public int ScanPeriodSeconds { get; set; } = DefaultScanPeriodSeconds;

    /// <summary>How often maintenance runs.</summary>
    /// <value>Defaults to <see cref="DefaultMaintenancePeriodSeconds"/>.</value>
    [Range(1, 31 * 86_400)]
    public int MaintenancePeriodSeconds { get; set; } = DefaultMaintenancePeriodSeconds;

    /// <summary>
    /// How many UTC days the scan's rate rule judges: today so far and the days before it, so 1 is today alone and 2
    /// is yesterday and today. The window is whole days so that the scan reads the daily rollups only.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultScanWindowDays"/>.</value>
    [Range(1, 90)]
    public int ScanWindowDays { get; set; } = DefaultScanWindowDays;

    /// <summary>The most opportunities one scan keeps, hands to the processor and stores, worst first.</summary>
    /// <value>Defaults to <see cref="DefaultMaxOpportunitiesPerScan"/>.</value>
    [Range(1, 500)]
    public int MaxOpportunitiesPerScan { get; set; } = DefaultMaxOpportunitiesPerScan;

    /// <summary>
    /// The most tools below the success-rate threshold that one rollup read of the scan returns, worst first. The
    /// tools it judged are counted in the store whatever their number.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultMaxToolsPerScan"/>.</value>
    [Range(1, 1_000_000)]
    public int MaxToolsPerScan { get; set; } = DefaultMaxToolsPerScan;

    /// <summary>How long the opportunity processor may take over one opportunity before it is cancelled.</summary>
    /// <value>Defaults to <see cref="DefaultProcessorTimeoutSeconds"/>.</value>
    [Range(1, 3_600)]
    public int ProcessorTimeoutSeconds { get; set; } = DefaultProcessorTimeoutSeconds;

    /// <summary>
    /// How long past its end an active monitoring session may stay open before maintenance asks its tool to check
    /// health, and closes it if the tool no longer tracks it.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultMonitoringGraceSeconds"/>.</value>
    [Range(0, 31 * 86_400)]
    public int MonitoringGraceSeconds { get; set; } = DefaultMonitoringGraceSeconds;

    /// <summary>The most overdue monitoring sessions one maintenance run handles.</summary>
    /// <value>Defaults to <see cref="DefaultMaxSessionsPerMaintenance"/>.</value>
    [Range(1, 10_000)]
    public int MaxSessionsPerMaintenance { get; set; } = DefaultMaxSessionsPerMaintenance;

    /// <summary>
    /// How long after investigating a tool the loop leaves it alone while it stays an opportunity. A version
    /// deployed or rolled back since the last investigation lifts the wait; 0 investigates at every scan.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultReinvestigateAfterMinutes"/>.</value>
    [Range(0, 31 * 24 * 60)]
    public int ReinvestigateAfterMinutes { get; set; } = DefaultReinvestigateAfterMinutes;

    /// <summary>Whether the loop improves the tools its investigations say to improve (off: it only investigates).</summary>
    /// <value>Defaults to true.</value>
    public bool Improve { get; set; } = true;

    /// <summary>The most improvements the loop runs at once across the cluster (each holds its slot until it ends, live shadow included).</summary>
    /// <value>Defaults to <see cref="DefaultMaxConcurrentImprovements"/>.</value>
    [Range(1, 1_000)]
    public int MaxConcurrentImprovements { get; set; } = DefaultMaxConcurrentImprovements;

    /// <summary>How long the loop leaves a tool alone after an improvement failed or waits for approval (the seed's per-tool cooldown).</summary>
    /// <value>Defaults to <see cref="DefaultImprovementCooldownMinutes"/>.</value>
    [Range(0, 31 * 24 * 60)]
    public int ImprovementCooldownMinutes { get; set; } = DefaultImprovementCooldownMinutes;

    /// <summary>How long an improvement may hold its slot before the loop presumes it lost (a silo died under it).</summary>
    /// <value>Defaults to <see cref="DefaultImprovementSlotMinutes"/>.</value>
    [Range(1, 31 * 24 * 60)]
    public int ImprovementSlotMinutes { get; set; } = DefaultImprovementSlotMinutes;

    /// <summary>The per-tool cooldown after a failed improvement.</summary>
    public TimeSpan ImprovementCooldown => TimeSpan.FromMinutes(ImprovementCooldownMinutes);

    /// <summary>How long an improvement may hold its slot.</summary>
    public TimeSpan ImprovementSlot => TimeSpan.FromMinutes(ImprovementSlotMinutes);

    /// <summary>The scan period.</summary>
    public TimeSpan ScanPeriod => TimeSpan.FromSeconds(ScanPeriodSeconds);

    /// <summary>The maintenance period.</summary>
    public TimeSpan MaintenancePeriod => TimeSpan.FromSeconds(MaintenancePeriodSeconds);

    /// <summary>
    /// The scan window at <paramref name="now"/>: today so far and the <see cref="ScanWindowDays"/> − 1 whole UTC days
    /// before it, from a midnight to the next midnight. The store reads whole days from the daily rollups, and today's
    /// daily row holds everything logged so far today (the sinks update it with every batch).
    /// </summary>
    /// <param name="now">The time of the scan.</param>
    /// <returns>The window's start (a UTC midnight) and its end, exclusive (the UTC midnight after <paramref name="now"/>).</returns>
    public (DateTimeOffset From, DateTimeOffset To) ScanWindowAt(DateTimeOffset now)
    {
        var today = ExecutionRollupAggregator.DayOf(now);
        return (today.AddDays(1 - ScanWindowDays), today.AddDays(1));
    }

    /// <summary>The span during which an investigated tool is not investigated again.</summary>
    public TimeSpan ReinvestigateAfter => TimeSpan.FromMinutes(ReinvestigateAfterMinutes);
}
