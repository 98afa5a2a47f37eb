namespace Autonomy.Core.Storage;

/// <summary>One tool as its version history sums it up: the row <see cref="IToolVersionStore.ListToolsAsync"/> returns.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="LatestVersion">Its highest version number.</param>
/// <param name="VersionCount">How many versions it has.</param>
/// <param name="CreatedAt">When its first version was appended.</param>
/// <param name="UpdatedAt">When its latest version was appended.</param>
public sealed record ToolListing(
    string ToolName,
    int LatestVersion,
    long VersionCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
