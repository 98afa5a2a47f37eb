namespace Autonomy.Abstractions.Grains;

/// <summary>The loop's counters, as the predecessor kept them.</summary>
[GenerateSerializer, Immutable, Alias("autonomy.loop-statistics")]
public sealed record LoopStatistics(
    [property: Id(0)] long CyclesCompleted,
    [property: Id(1)] long OpportunitiesDetected,
    [property: Id(2)] long ImprovementsAttempted,
    [property: Id(3)] long ImprovementsDeployed,
    [property: Id(4)] long ImprovementsFailed,
    [property: Id(5)] long RollbacksTriggered,
    [property: Id(6)] long ToolsAnalyzed,
    [property: Id(7)] long MaintenanceRuns);
