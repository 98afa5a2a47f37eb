namespace Autonomy.Core.Storage;

/// <summary>A stored creation event.</summary>
/// <param name="Id">The event's id.</param>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The first version.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="SourceHash">The hash of the first source.</param>
/// <param name="Reason">Why.</param>
/// <param name="DetailsJson">The details JSON.</param>
/// <param name="CreatedAt">When.</param>
public sealed record ToolCreationEvent(
    long Id,
    string ToolName,
    int? Version,
    VersionAuthor CreatedBy,
    string? SourceHash,
    string Reason,
    string DetailsJson,
    DateTimeOffset CreatedAt);
