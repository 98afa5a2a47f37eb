namespace Autonomy.Core.Discovery;

/// <summary>One result of <see cref="EmbeddingIndex.Search"/>.</summary>
/// <param name="Key">The key the vector was added under, a tool name.</param>
/// <param name="Score">The cosine similarity to the query, from -1 to 1.</param>
public readonly record struct SearchHit(string Key, float Score);
