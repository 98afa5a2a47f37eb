namespace Autonomy.Abstractions.Grains;

/// <summary>One tool in the catalog: its stored history summed up, and what its grain says now.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Health">Its health.</param>
/// <param name="ActiveVersion">The version that answers executions.</param>
/// <param name="PreviousVersion">The rollback target.</param>
/// <param name="PinnedVersion">The pinned version, if any.</param>
/// <param name="Archived">Whether the tool is archived.</param>
/// <param name="LatestVersion">Its highest version number.</param>
/// <param name="VersionCount">How many versions it has.</param>
/// <param name="CreatedAt">When its first version was registered.</param>
/// <param name="UpdatedAt">When its latest version was registered.</param>
/// <param name="ActiveWindow">The active version's counts over the grain's current window, if it has any.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-catalog-entry")]
public sealed record ToolCatalogEntry(
    [property: Id(0)] string Name,
    [property: Id(1)] ToolHealth Health,
    [property: Id(2)] int? ActiveVersion,
    [property: Id(3)] int? PreviousVersion,
    [property: Id(4)] int? PinnedVersion,
    [property: Id(5)] bool Archived,
    [property: Id(6)] int LatestVersion,
    [property: Id(7)] long VersionCount,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset UpdatedAt,
    [property: Id(10)] VersionWindow? ActiveWindow);
