namespace Autonomy.Abstractions.Grains;

/// <summary>One stored version of a tool, with its source.</summary>
/// <param name="ToolName">The tool.</param>
/// <param name="Summary">The version's number, hash, author, reason, time and parent.</param>
/// <param name="Source">The C# source.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-version-source")]
public sealed record ToolVersionSource(
    [property: Id(0)] string ToolName,
    [property: Id(1)] ToolVersionSummary Summary,
    [property: Id(2)] string Source);
