namespace Autonomy.Core.Storage;

/// <summary>One version in a tool's append-only history.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Version">The version number.</param>
/// <param name="Source">The C# source.</param>
/// <param name="SourceHash">The lower-case hex SHA-256 of the source (<see cref="Compilation.SourceHash"/>).</param>
/// <param name="ParentVersion">The version it was derived from.</param>
/// <param name="Author">Who wrote it.</param>
/// <param name="Reason">Why it was written.</param>
/// <param name="CreatedAt">When it was appended (UTC, milliseconds).</param>
public sealed record ToolVersion(
    string ToolName,
    int Version,
    string Source,
    string SourceHash,
    int? ParentVersion,
    VersionAuthor Author,
    string Reason,
    DateTimeOffset CreatedAt);
