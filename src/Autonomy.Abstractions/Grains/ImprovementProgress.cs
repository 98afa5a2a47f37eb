namespace Autonomy.Abstractions.Grains;

/// <summary>How a running improvement attempt is getting on, for a person watching (<c>autonomy improve</c>).</summary>
/// <param name="BaseVersion">The version being improved.</param>
/// <param name="Generator">The generator at work, or null before the search starts.</param>
/// <param name="Stage">What the attempt is doing ("investigating", "single edits", "deploying").</param>
/// <param name="CandidatesTried">Candidates evaluated so far, all generators.</param>
/// <param name="PlausibleFound">Candidates so far that passed every given case.</param>
/// <param name="Elapsed">Time since the request started.</param>
[GenerateSerializer, Immutable, Alias("autonomy.improvement-progress")]
public sealed record ImprovementProgress(
    [property: Id(0)] int BaseVersion,
    [property: Id(1)] string? Generator,
    [property: Id(2)] string Stage,
    [property: Id(3)] int CandidatesTried,
    [property: Id(4)] int PlausibleFound,
    [property: Id(5)] TimeSpan Elapsed);
