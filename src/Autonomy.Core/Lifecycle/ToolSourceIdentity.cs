namespace Autonomy.Core.Lifecycle;

/// <summary>What a tool source says it is, read by parsing alone.</summary>
/// <param name="ToolName">The name in its <c>[Tool("name", ...)]</c> attribute.</param>
/// <param name="SourceHash">The hash of the whole source (<see cref="Compilation.SourceHash"/>), a version's identity.</param>
/// <param name="RenameKey">
/// The hash of the source with the name's literal emptied: two sources that differ only in the tool's name share it,
/// which is how a renamed tool is recognised.
/// </param>
public sealed record ToolSourceIdentity(string ToolName, string SourceHash, string RenameKey);
