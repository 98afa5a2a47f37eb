using Orleans.Concurrency;

namespace Autonomy.Storage.Tests.Embedded.Grains;

/// <summary>
/// A counter kept in two persistent states on SQLite: <c>counter</c> in the keeping store (clear keeps the row)
/// and <c>scratch</c> in the deleting store (clear deletes the row).
/// </summary>
[Alias("storage-tests.embedded-counter")]
public interface IEmbeddedCounterGrain : IGrainWithStringKey
{
    [Alias("increment")]
    Task<int> IncrementAsync();

    [Alias("get")]
    [ReadOnly]
    Task<int> GetAsync();

    [Alias("clear")]
    Task ClearAsync();

    [Alias("increment-scratch")]
    Task<int> IncrementScratchAsync();

    [Alias("clear-scratch")]
    Task ClearScratchAsync();
}
