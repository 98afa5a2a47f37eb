namespace Autonomy.Core.Storage;

/// <summary>
/// The version number being appended already exists for the tool: another writer appended it first. Read the
/// latest version and decide again; the history is append-only, so the existing version is never replaced.
/// </summary>
public sealed class VersionConflictException : StoreConflictException
{
    public VersionConflictException()
    {
    }

    public VersionConflictException(string message)
        : base(message)
    {
    }

    public VersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VersionConflictException(string toolName, int version, Exception innerException)
        : base($"Version {version} of tool '{toolName}' already exists; versions are append-only.", innerException)
    {
        ToolName = toolName;
        Version = version;
    }

    /// <summary>The tool whose version exists.</summary>
    public string ToolName { get; } = "";

    /// <summary>The version number that exists.</summary>
    public int Version { get; }
}
