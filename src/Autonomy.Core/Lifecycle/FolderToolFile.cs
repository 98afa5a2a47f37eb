namespace Autonomy.Core.Lifecycle;

/// <summary>One tool source in the tools folder.</summary>
/// <param name="FileName">The file's name in the folder, for example <c>greet.cs</c>.</param>
/// <param name="Source">The file's text.</param>
/// <param name="Identity">The tool it declares, its hash and its rename key.</param>
public sealed record FolderToolFile(string FileName, string Source, ToolSourceIdentity Identity)
{
    /// <summary>The tool's name.</summary>
    public string ToolName => Identity.ToolName;

    /// <summary>The source's hash.</summary>
    public string SourceHash => Identity.SourceHash;
}
