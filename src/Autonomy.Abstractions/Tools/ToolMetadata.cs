namespace Autonomy.Abstractions.Tools;

/// <summary>What a tool declares about itself, read from its source's attributes without running it.</summary>
/// <param name="Name">The tool's name.</param>
/// <param name="Description">What it does.</param>
/// <param name="InputSchema">The input JSON Schema, if declared.</param>
/// <param name="OutputSchema">The output JSON Schema, if declared.</param>
/// <param name="Examples">The declared examples.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-metadata")]
public sealed record ToolMetadata(
    [property: Id(0)] string Name,
    [property: Id(1)] string Description,
    [property: Id(2)] string? InputSchema,
    [property: Id(3)] string? OutputSchema,
    [property: Id(4)] IReadOnlyList<ToolExampleCase> Examples);
