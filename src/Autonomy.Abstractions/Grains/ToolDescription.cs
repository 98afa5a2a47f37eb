namespace Autonomy.Abstractions.Grains;

/// <summary>What a tool's grain knows about the tool.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Health">Its health.</param>
/// <param name="ActiveVersion">The version that answers executions.</param>
/// <param name="PreviousVersion">The rollback target.</param>
/// <param name="PinnedVersion">The pinned version, if any.</param>
/// <param name="Archived">Whether the tool is out of service: archived, or deleted (then <see cref="Health"/> is <see cref="ToolHealth.Deleted"/>).</param>
/// <param name="Versions">The newest version summaries, oldest first (bounded; the version store has them all).</param>
/// <param name="Deployments">The newest deployment events, oldest first (bounded).</param>
/// <param name="CurrentWindow">Per-version counts over the current window, newest version first.</param>
/// <param name="Monitoring">The active monitoring session, if any.</param>
/// <param name="CooldownUntil">Until when the loop leaves the tool alone after an automatic rollback, or null.</param>
/// <param name="Shadow">The candidate in live shadow, or null.</param>
/// <param name="LastHealthCheckAt">When the health check last ran.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-description")]
public sealed record ToolDescription(
    [property: Id(0)] string Name,
    [property: Id(1)] ToolHealth Health,
    [property: Id(2)] int? ActiveVersion,
    [property: Id(3)] int? PreviousVersion,
    [property: Id(4)] int? PinnedVersion,
    [property: Id(5)] bool Archived,
    [property: Id(6)] IReadOnlyList<ToolVersionSummary> Versions,
    [property: Id(7)] IReadOnlyList<ToolDeploymentEvent> Deployments,
    [property: Id(8)] IReadOnlyList<VersionWindow> CurrentWindow,
    [property: Id(9)] MonitoringSummary? Monitoring,
    [property: Id(10)] DateTimeOffset? LastHealthCheckAt,
    [property: Id(11)] DateTimeOffset? CooldownUntil = null,
    [property: Id(12)] ShadowSummary? Shadow = null);
