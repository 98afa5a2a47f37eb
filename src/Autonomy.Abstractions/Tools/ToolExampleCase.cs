namespace Autonomy.Abstractions.Tools;

/// <summary>A declared example of a tool: an input and, where known, its expected output.</summary>
[GenerateSerializer, Immutable, Alias("autonomy.tool-example")]
public sealed record ToolExampleCase(
    [property: Id(0)] string Input,
    [property: Id(1)] string? ExpectedOutput);
