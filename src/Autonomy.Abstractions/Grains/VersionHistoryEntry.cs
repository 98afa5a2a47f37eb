namespace Autonomy.Abstractions.Grains;

/// <summary>One version with everything known about it: who wrote it and why, what justified it, when it was live.</summary>
/// <param name="Version">The version.</param>
/// <param name="Author"><c>human</c> or <c>autonomous</c>.</param>
/// <param name="ParentVersion">The version that was active when it was registered.</param>
/// <param name="Reason">Why it was registered.</param>
/// <param name="CreatedAt">When.</param>
/// <param name="SourceHash">Its source's SHA-256.</param>
/// <param name="AttemptId">The improvement attempt that produced it, if any.</param>
/// <param name="Tests">The shadow and replay runs that judged it, newest first.</param>
/// <param name="LivePeriods">When it was active, oldest first.</param>
[GenerateSerializer, Immutable, Alias("autonomy.version-history-entry")]
public sealed record VersionHistoryEntry(
    [property: Id(0)] int Version,
    [property: Id(1)] string Author,
    [property: Id(2)] int? ParentVersion,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] string SourceHash,
    [property: Id(6)] long? AttemptId,
    [property: Id(7)] IReadOnlyList<VersionTestSummary> Tests,
    [property: Id(8)] IReadOnlyList<VersionLiveSpan> LivePeriods);
