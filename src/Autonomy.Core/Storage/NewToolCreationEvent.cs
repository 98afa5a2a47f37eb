namespace Autonomy.Core.Storage;

/// <summary>How a tool came to be.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The first version, when known.</param>
/// <param name="CreatedBy">Who created it.</param>
/// <param name="SourceHash">The hash of the first source.</param>
/// <param name="Reason">Why it was created.</param>
/// <param name="DetailsJson">Context as a JSON document.</param>
public sealed record NewToolCreationEvent(
    string ToolName,
    int? Version,
    VersionAuthor CreatedBy,
    string? SourceHash,
    string Reason,
    string DetailsJson);
