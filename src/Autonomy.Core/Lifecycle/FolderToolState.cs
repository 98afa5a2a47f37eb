using Autonomy.Core.Storage;

namespace Autonomy.Core.Lifecycle;

/// <summary>What the store and the tool's grain know about a tool, as folder sync needs it.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Status">Active, archived or deleted.</param>
/// <param name="FromFolder">Whether the tools folder created or adopted it (a creation event says so).</param>
/// <param name="KnownHashes">The source hashes of all its versions: a file holding one of them is not a new edit.</param>
/// <param name="ActiveVersion">The version that answers (or answered, before it left service), if any.</param>
/// <param name="ActiveSourceHash">That version's source hash.</param>
/// <param name="ActiveAuthor">That version's author (<c>human</c> or <c>autonomous</c>).</param>
/// <param name="RenameKey">The rename key of its newest human version's source, when it is known (only asked for tools gone from the folder).</param>
/// <param name="Valuable">Whether it is valuable.</param>
/// <param name="DeleteAlert">Its open <see cref="LifecycleAlertKinds.DeleteValuable"/> alert, if any.</param>
public sealed record FolderToolState(
    string ToolName,
    ToolStatus Status,
    bool FromFolder,
    IReadOnlySet<string> KnownHashes,
    int? ActiveVersion,
    string? ActiveSourceHash,
    string? ActiveAuthor,
    string? RenameKey,
    ValuableVerdict Valuable,
    ToolAlert? DeleteAlert);
