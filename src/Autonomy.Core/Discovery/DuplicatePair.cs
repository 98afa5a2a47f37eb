namespace Autonomy.Core.Discovery;

/// <summary>Two tools that appear to do the same job.</summary>
/// <param name="A">The first tool name in ordinal order.</param>
/// <param name="B">The second tool name.</param>
/// <param name="SemanticSimilarity">The cosine of their embeddings, or <see langword="null"/> when either has none.</param>
/// <param name="StructuralSimilarity">The estimated Jaccard similarity of their normalised token shingles, 0 to 1.</param>
/// <param name="Reason">Why they were paired, for a person.</param>
public sealed record DuplicatePair(string A, string B, double? SemanticSimilarity, double StructuralSimilarity, string Reason);
