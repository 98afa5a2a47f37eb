namespace Autonomy.Core.Storage;

/// <summary>Embeddings of tool versions (<c>tool_embeddings</c>): computed once per version and model, never changed.</summary>
public interface IEmbeddingStore
{
    /// <summary>Stores an embedding; one already stored for the same tool, version and model is kept (it is the same). Returns the rows written: 1 or 0.</summary>
    Task<int> SaveAsync(string toolName, int version, string model, float[] vector, CancellationToken cancellationToken = default);

    /// <summary>For every tool, the embedding of its newest version that has one under <paramref name="model"/>.</summary>
    Task<IReadOnlyList<ToolEmbedding>> ListLatestAsync(string model, CancellationToken cancellationToken = default);
}
