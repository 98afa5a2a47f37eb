namespace Autonomy.Abstractions.Grains;

/// <summary>One tool of a duplicate pair, as compared.</summary>
/// <param name="Name">The tool.</param>
/// <param name="Version">Its newest version.</param>
/// <param name="Description">Its description.</param>
/// <param name="InputSchema">Its input schema, if declared.</param>
/// <param name="Executions">Executions over the last 30 days.</param>
/// <param name="SuccessRate">Their success rate, or null with none.</param>
/// <param name="LastUsed">Its newest execution hour, or null.</param>
[GenerateSerializer, Immutable, Alias("autonomy.duplicate-side")]
public sealed record DuplicateSide(
    [property: Id(0)] string Name,
    [property: Id(1)] int Version,
    [property: Id(2)] string Description,
    [property: Id(3)] string? InputSchema,
    [property: Id(4)] long Executions,
    [property: Id(5)] double? SuccessRate,
    [property: Id(6)] DateTimeOffset? LastUsed);
