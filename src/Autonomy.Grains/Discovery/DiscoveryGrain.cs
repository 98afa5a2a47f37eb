using Autonomy.Abstractions.Grains;
using Orleans.Concurrency;

namespace Autonomy.Grains.Discovery;

/// <summary>
/// A stateless front over the silo's <see cref="ToolDiscovery"/>. Embedding (a model inference per new version and
/// per query) and MinHash are CPU work, so they run on the thread pool, off the grain scheduler.
/// </summary>
[StatelessWorker]
public sealed class DiscoveryGrain(ToolDiscovery discovery) : Grain, IDiscoveryGrain
{
    /// <summary>The most results or pairs returned.</summary>
    public const int MaxResults = 100;

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolSearchResult>> SearchAsync(string query, int limit, CancellationToken cancellationToken = default) =>
        Task.Run(() => discovery.SearchAsync(query, Math.Clamp(limit, 1, MaxResults), cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DuplicateReport>> FindDuplicatesAsync(int limit, CancellationToken cancellationToken = default) =>
        Task.Run(() => discovery.FindDuplicatesAsync(Math.Clamp(limit, 1, MaxResults), cancellationToken), cancellationToken);
}
