namespace Autonomy.Abstractions.Grains;

/// <summary>Live-shadow comparisons one silo made for one tool's candidate since its last report.</summary>
/// <param name="CandidateVersion">The candidate compared.</param>
/// <param name="Counts">The comparisons, by class.</param>
/// <param name="Samples">A few mismatches, as JSON documents.</param>
[GenerateSerializer, Immutable, Alias("autonomy.shadow-observations")]
public sealed record ShadowObservations(
    [property: Id(0)] int CandidateVersion,
    [property: Id(1)] ShadowCounts Counts,
    [property: Id(2)] IReadOnlyList<string> Samples);
