namespace Autonomy.Core.Storage;

/// <summary>A version to append to a tool's history. The store computes the source hash.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version number, from 1; the next after the latest.</param>
/// <param name="Source">The C# source.</param>
/// <param name="ParentVersion">The version it was derived from (for a rollback, the version it replaces); null for the first.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Reason">Why it was written, for example the investigation's root cause or "rollback to 3".</param>
public sealed record NewToolVersion(
    string ToolName,
    int Version,
    string Source,
    int? ParentVersion,
    VersionAuthor Author,
    string Reason);
