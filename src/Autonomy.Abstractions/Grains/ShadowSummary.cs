namespace Autonomy.Abstractions.Grains;

/// <summary>A candidate in live shadow: sampled real calls also run it, and its answers are compared, never returned.</summary>
/// <param name="CandidateVersion">The candidate.</param>
/// <param name="BaseVersion">The active version it is compared with.</param>
/// <param name="AttemptId">The improvement attempt it came from.</param>
/// <param name="StartedAt">When the shadow started.</param>
/// <param name="EndsAt">When it is judged on what it has, at the latest.</param>
/// <param name="SampleRate">The share of calls that also run it.</param>
/// <param name="Target">The judged comparisons after which it is judged.</param>
/// <param name="Counts">The comparisons so far.</param>
/// <param name="Samples">A few mismatches, as JSON documents.</param>
[GenerateSerializer, Immutable, Alias("autonomy.shadow-summary")]
public sealed record ShadowSummary(
    [property: Id(0)] int CandidateVersion,
    [property: Id(1)] int BaseVersion,
    [property: Id(2)] long? AttemptId,
    [property: Id(3)] DateTimeOffset StartedAt,
    [property: Id(4)] DateTimeOffset EndsAt,
    [property: Id(5)] double SampleRate,
    [property: Id(6)] int Target,
    [property: Id(7)] ShadowCounts Counts,
    [property: Id(8)] IReadOnlyList<string> Samples);
