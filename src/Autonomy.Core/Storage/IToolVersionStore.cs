namespace Autonomy.Core.Storage;

/// <summary>
/// The append-only history of each tool's source. Nothing is updated or deleted: a rollback moves the tool's active
/// version back to an existing one and is recorded as an event (<c>deployment_rollbacks</c>, lifecycle events), so a
/// version number always names the code that ran under it (decision 0007). Appending is optimistic: the caller picks the next number, and if another
/// writer took it first the append fails with <see cref="VersionConflictException"/>.
/// </summary>
public interface IToolVersionStore
{
    /// <summary>Appends a version and returns it as stored (with its source hash and time).</summary>
    /// <exception cref="VersionConflictException">The tool already has this version number.</exception>
    /// <exception cref="ArgumentException">The parent version does not exist, or is not older than the version.</exception>
    Task<ToolVersion> AppendAsync(NewToolVersion version, CancellationToken cancellationToken = default);

    /// <summary>One version of a tool, or null.</summary>
    Task<ToolVersion?> GetAsync(string toolName, int version, CancellationToken cancellationToken = default);

    /// <summary>The highest version of a tool, or null when it has none.</summary>
    Task<ToolVersion?> GetLatestAsync(string toolName, CancellationToken cancellationToken = default);

    /// <summary>Every version of a tool, oldest first.</summary>
    Task<IReadOnlyList<ToolVersion>> ListAsync(string toolName, CancellationToken cancellationToken = default);

    /// <summary>
    /// Every tool that has at least one version, ordered by name (ordinal), with its latest version number, its
    /// version count and when its first and latest versions were appended. One grouped read of the history's
    /// primary key; sources are not read.
    /// </summary>
    Task<IReadOnlyList<ToolListing>> ListToolsAsync(CancellationToken cancellationToken = default);
}
