namespace Autonomy.Abstractions.Grains;

/// <summary>A span during which a version was active.</summary>
/// <param name="From">When it became active.</param>
/// <param name="To">When it stopped being active, or null while it is.</param>
/// <param name="How">How it became active: <c>deploy</c>, <c>rollback</c> or <c>auto-rollback</c>.</param>
[GenerateSerializer, Immutable, Alias("autonomy.version-live-span")]
public sealed record VersionLiveSpan(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset? To,
    [property: Id(2)] string How);
