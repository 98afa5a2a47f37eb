namespace Autonomy.Abstractions.Grains;

/// <summary>Two tools that do the same job, side by side, with which to keep.</summary>
/// <param name="First">One tool.</param>
/// <param name="Second">The other.</param>
/// <param name="SemanticSimilarity">Cosine of their embeddings, or null without embeddings.</param>
/// <param name="StructuralSimilarity">Estimated Jaccard similarity of their normalised token shingles.</param>
/// <param name="Reason">Why they are paired.</param>
/// <param name="Keep">The tool to keep.</param>
/// <param name="Retire">The tool to retire.</param>
/// <param name="Recommendation">Why, in words.</param>
/// <param name="Diff">A unified diff of their sources.</param>
[GenerateSerializer, Immutable, Alias("autonomy.duplicate-report")]
public sealed record DuplicateReport(
    [property: Id(0)] DuplicateSide First,
    [property: Id(1)] DuplicateSide Second,
    [property: Id(2)] double? SemanticSimilarity,
    [property: Id(3)] double StructuralSimilarity,
    [property: Id(4)] string Reason,
    [property: Id(5)] string Keep,
    [property: Id(6)] string Retire,
    [property: Id(7)] string Recommendation,
    [property: Id(8)] string Diff);
