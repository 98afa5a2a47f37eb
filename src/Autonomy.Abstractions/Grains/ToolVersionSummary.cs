namespace Autonomy.Abstractions.Grains;

/// <summary>One version of a tool as the tool's grain keeps it; the source stays in the version store.</summary>
/// <param name="Version">The version number.</param>
/// <param name="SourceHash">The source's SHA-256.</param>
/// <param name="Author"><c>human</c> or <c>autonomous</c>.</param>
/// <param name="Reason">Why it was written.</param>
/// <param name="CreatedAt">When it was appended.</param>
/// <param name="ParentVersion">The version it was derived from.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-version-summary")]
public sealed record ToolVersionSummary(
    [property: Id(0)] int Version,
    [property: Id(1)] string SourceHash,
    [property: Id(2)] string Author,
    [property: Id(3)] string Reason,
    [property: Id(4)] DateTimeOffset CreatedAt,
    [property: Id(5)] int? ParentVersion);
