namespace Autonomy.Abstractions.Grains;

/// <summary>One entry of a tool's deployment history: what became active, when and why.</summary>
/// <param name="Kind"><c>deploy</c>, <c>rollback</c> or <c>auto-rollback</c>.</param>
/// <param name="FromVersion">The version that was active before.</param>
/// <param name="ToVersion">The version that became active.</param>
/// <param name="At">When.</param>
/// <param name="Reason">Why.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-deployment-event")]
public sealed record ToolDeploymentEvent(
    [property: Id(0)] string Kind,
    [property: Id(1)] int? FromVersion,
    [property: Id(2)] int ToVersion,
    [property: Id(3)] DateTimeOffset At,
    [property: Id(4)] string Reason);
