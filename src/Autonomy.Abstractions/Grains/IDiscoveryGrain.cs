namespace Autonomy.Abstractions.Grains;

/// <summary>
/// Discovery and duplicate detection over every tool's newest version (key 0; a stateless front over the silo's
/// discovery index, which embeds each version once with a local model and stores the embedding).
/// </summary>
[Alias("autonomy.discovery")]
public interface IDiscoveryGrain : IGrainWithIntegerKey
{
    /// <summary>The tools whose name, description and schemas best match <paramref name="query"/>, best first.</summary>
    /// <exception cref="InvalidOperationException">No embedding model is configured on the silo.</exception>
    [Alias("search")]
    Task<IReadOnlyList<ToolSearchResult>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default);

    /// <summary>Pairs of tools that do the same job, by meaning and by structure, most alike first.</summary>
    [Alias("find-duplicates")]
    Task<IReadOnlyList<DuplicateReport>> FindDuplicatesAsync(int limit, CancellationToken cancellationToken = default);
}
