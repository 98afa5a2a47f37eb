using Autonomy.Storage.Tests.Embedded.Support;

namespace Autonomy.Storage.Tests.Embedded.Grains;

public sealed class EmbeddedCounterGrain(
    [PersistentState("counter", EmbeddedSilo.StoreName)] IPersistentState<EmbeddedCounterState> counter,
    [PersistentState("scratch", EmbeddedSilo.DeletingStoreName)] IPersistentState<EmbeddedCounterState> scratch)
    : Grain, IEmbeddedCounterGrain
{
    public async Task<int> IncrementAsync()
    {
        counter.State = counter.State with { Value = counter.State.Value + 1 };
        await counter.WriteStateAsync();
        return counter.State.Value;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Value);

    public Task ClearAsync() => counter.ClearStateAsync();

    public async Task<int> IncrementScratchAsync()
    {
        scratch.State = scratch.State with { Value = scratch.State.Value + 1 };
        await scratch.WriteStateAsync();
        return scratch.State.Value;
    }

    public Task ClearScratchAsync() => scratch.ClearStateAsync();
}
