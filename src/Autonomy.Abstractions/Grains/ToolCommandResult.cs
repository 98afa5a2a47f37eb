namespace Autonomy.Abstractions.Grains;

/// <summary>The outcome of a command on a tool (deploy, rollback, pin, unpin, archive).</summary>
/// <param name="Succeeded">Whether the command took effect.</param>
/// <param name="Message">Why it did not, or what it did.</param>
/// <param name="ActiveVersion">The active version after the command.</param>
/// <param name="PinnedVersion">The pinned version after the command.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-command-result")]
public sealed record ToolCommandResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] string Message,
    [property: Id(2)] int? ActiveVersion,
    [property: Id(3)] int? PinnedVersion);
