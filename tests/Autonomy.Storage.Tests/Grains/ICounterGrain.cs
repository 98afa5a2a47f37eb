using Orleans.Concurrency;

namespace Autonomy.Storage.Tests.Grains;

/// <summary>
/// A counter kept in two persistent states: <c>counter</c> in the "store" provider (clear keeps the row)
/// and <c>scratch</c> in the "deleting" provider (clear deletes the row).
/// </summary>
[Alias("storage-tests.counter")]
public interface ICounterGrain : IGrainWithStringKey
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
