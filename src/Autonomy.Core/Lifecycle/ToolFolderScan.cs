namespace Autonomy.Core.Lifecycle;

/// <summary>What the tools folder holds.</summary>
/// <param name="Directory">The folder's full path.</param>
/// <param name="Exists">Whether the folder exists. A missing folder syncs nothing: no tool is deleted for it.</param>
/// <param name="Files">The tool files, one per tool, by file name (ordinal).</param>
/// <param name="Claimed">
/// Every tool name a file declares, those left out of <see cref="Files"/> (two files declare it) included: no tool
/// named here counts as gone from the folder.
/// </param>
/// <param name="Problems">Files that could not be used, one line each.</param>
public sealed record ToolFolderScan(
    string Directory,
    bool Exists,
    IReadOnlyList<FolderToolFile> Files,
    IReadOnlySet<string> Claimed,
    IReadOnlyList<string> Problems);
