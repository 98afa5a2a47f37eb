namespace Autonomy.Abstractions.Grains;

/// <summary>A tool found by meaning.</summary>
/// <param name="Name">The tool.</param>
/// <param name="Version">The version whose description and schemas matched (the newest).</param>
/// <param name="Score">Cosine similarity of the query and the tool, -1 to 1.</param>
/// <param name="Description">The tool's description.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-search-result")]
public sealed record ToolSearchResult(
    [property: Id(0)] string Name,
    [property: Id(1)] int Version,
    [property: Id(2)] double Score,
    [property: Id(3)] string Description);
