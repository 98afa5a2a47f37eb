namespace Autonomy.Abstractions.Grains;

/// <summary>A candidate version in live shadow, as the execution workers need it.</summary>
/// <param name="Version">The candidate's version.</param>
/// <param name="SourceHash">Its source hash, the compiled-code cache key.</param>
/// <param name="Source">Its source.</param>
/// <param name="SampleRate">The share of calls that also run it.</param>
[GenerateSerializer, Immutable, Alias("autonomy.shadow-candidate")]
public sealed record ShadowCandidate(
    [property: Id(0)] int Version,
    [property: Id(1)] string SourceHash,
    [property: Id(2)] string Source,
    [property: Id(3)] double SampleRate);
