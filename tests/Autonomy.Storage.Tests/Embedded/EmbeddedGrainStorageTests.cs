using Autonomy.Storage.Tests.Grains;
using Autonomy.Storage.Tests.Embedded.Support;
using Orleans.Storage;

namespace Autonomy.Storage.Tests.Embedded;

/// <summary>
/// <c>SqliteGrainStorage</c> driven directly, as two activations of one grain would drive it: the ETag decides
/// which writer wins, and the loser gets <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class EmbeddedGrainStorageTests(EmbeddedSiloFixture fixture) : IClassFixture<EmbeddedSiloFixture>
{
    private const string StateName = "direct";

    public static TheoryData<string> Stores => new() { EmbeddedSilo.StoreName, EmbeddedSilo.DeletingStoreName };

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ReadStateAsync_NoRow_DefaultStateWithoutETag(string store)
    {
        var state = new GrainState<CounterState>(new CounterState { Value = 7 });

        await Storage(store).ReadStateAsync(StateName, NewGrainId(), state);

        Assert.Equal((0, (string?)null, false), (state.State!.Value, state.ETag, state.RecordExists));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task WriteStateAsync_ThenRead_ReturnsStateAndSameETag(string store)
    {
        var grainId = NewGrainId();
        var writer = new GrainState<CounterState>(new CounterState { Value = 5 });
        await Storage(store).WriteStateAsync(StateName, grainId, writer);

        var reader = new GrainState<CounterState>();
        await Storage(store).ReadStateAsync(StateName, grainId, reader);

        Assert.Equal((5, writer.ETag, true), (reader.State!.Value, reader.ETag, reader.RecordExists));
        Assert.True(writer.RecordExists);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task WriteStateAsync_FirstWriteWhileRowExists_ThrowsInconsistentStateException(string store)
    {
        var grainId = NewGrainId();
        var first = await ReadAsync(store, grainId);
        var second = await ReadAsync(store, grainId);
        first.State = new CounterState { Value = 1 };
        await Storage(store).WriteStateAsync(StateName, grainId, first);

        second.State = new CounterState { Value = 2 };
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage(store).WriteStateAsync(StateName, grainId, second));

        Assert.Equal((first.ETag, ""), (conflict.StoredEtag, conflict.CurrentEtag));
        Assert.Null(second.ETag);
        Assert.Equal((1, first.ETag), await StoredAsync(store, grainId));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task WriteStateAsync_StaleETag_ThrowsInconsistentStateExceptionAndKeepsWinner(string store)
    {
        var grainId = NewGrainId();
        var first = await ReadAsync(store, grainId);
        first.State = new CounterState { Value = 1 };
        await Storage(store).WriteStateAsync(StateName, grainId, first);
        var staleETag = first.ETag;

        var second = await ReadAsync(store, grainId);
        second.State = new CounterState { Value = 2 };
        await Storage(store).WriteStateAsync(StateName, grainId, second);

        first.State = new CounterState { Value = 3 };
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage(store).WriteStateAsync(StateName, grainId, first));

        Assert.Equal((second.ETag, staleETag), (conflict.StoredEtag, conflict.CurrentEtag));
        Assert.Equal(staleETag, first.ETag);
        Assert.Equal((2, second.ETag), await StoredAsync(store, grainId));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ClearStateAsync_StaleETag_ThrowsInconsistentStateExceptionAndKeepsRow(string store)
    {
        var grainId = NewGrainId();
        var first = await ReadAsync(store, grainId);
        first.State = new CounterState { Value = 1 };
        await Storage(store).WriteStateAsync(StateName, grainId, first);
        var second = await ReadAsync(store, grainId);
        second.State = new CounterState { Value = 2 };
        await Storage(store).WriteStateAsync(StateName, grainId, second);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage(store).ClearStateAsync(StateName, grainId, first));

        Assert.Equal((2, second.ETag), await StoredAsync(store, grainId));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task ClearStateAsync_NoETagWhileRowExists_ThrowsInconsistentStateException(string store)
    {
        var grainId = NewGrainId();
        var neverRead = new GrainState<CounterState>();
        var writer = await ReadAsync(store, grainId);
        writer.State = new CounterState { Value = 4 };
        await Storage(store).WriteStateAsync(StateName, grainId, writer);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage(store).ClearStateAsync(StateName, grainId, neverRead));

        Assert.Equal((4, writer.ETag), await StoredAsync(store, grainId));
    }

    [Fact]
    public async Task ClearStateAsync_KeepingStore_KeepsRowWithNewETagThatGuardsNextWrite()
    {
        var grainId = NewGrainId();
        var owner = await ReadAsync(EmbeddedSilo.StoreName, grainId);
        owner.State = new CounterState { Value = 3 };
        await Storage(EmbeddedSilo.StoreName).WriteStateAsync(StateName, grainId, owner);
        var stale = await ReadAsync(EmbeddedSilo.StoreName, grainId);

        await Storage(EmbeddedSilo.StoreName).ClearStateAsync(StateName, grainId, owner);

        Assert.Equal((0, false), (owner.State.Value, owner.RecordExists));
        Assert.NotNull(owner.ETag);
        Assert.NotEqual(stale.ETag, owner.ETag);
        var afterClear = await ReadAsync(EmbeddedSilo.StoreName, grainId);
        Assert.Equal((0, owner.ETag, false), (afterClear.State!.Value, afterClear.ETag, afterClear.RecordExists));

        // The activation that read before the clear must not resurrect the old state.
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage(EmbeddedSilo.StoreName).WriteStateAsync(StateName, grainId, stale));
        owner.State = new CounterState { Value = 1 };
        await Storage(EmbeddedSilo.StoreName).WriteStateAsync(StateName, grainId, owner);
        Assert.Equal((1, owner.ETag), await StoredAsync(EmbeddedSilo.StoreName, grainId));
    }

    [Fact]
    public async Task ClearStateAsync_DeletingStore_RemovesRowAndStaleETagCannotWriteIt()
    {
        var grainId = NewGrainId();
        var owner = await ReadAsync(EmbeddedSilo.DeletingStoreName, grainId);
        owner.State = new CounterState { Value = 3 };
        await Storage(EmbeddedSilo.DeletingStoreName).WriteStateAsync(StateName, grainId, owner);
        var stale = await ReadAsync(EmbeddedSilo.DeletingStoreName, grainId);

        await Storage(EmbeddedSilo.DeletingStoreName).ClearStateAsync(StateName, grainId, owner);

        Assert.Equal((0, (string?)null, false), (owner.State.Value, owner.ETag, owner.RecordExists));
        Assert.Null(await StoredAsync(EmbeddedSilo.DeletingStoreName, grainId));
        await Assert.ThrowsAsync<InconsistentStateException>(
            () => Storage(EmbeddedSilo.DeletingStoreName).WriteStateAsync(StateName, grainId, stale));
        Assert.Null(await StoredAsync(EmbeddedSilo.DeletingStoreName, grainId));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task WriteStateAsync_EightWritersWithSameETag_ExactlyOneWins(string store)
    {
        const int Writers = 8;
        var grainId = NewGrainId();
        var seed = await ReadAsync(store, grainId);
        await Storage(store).WriteStateAsync(StateName, grainId, seed);
        var states = Enumerable.Range(1, Writers)
            .Select(value => new GrainState<CounterState>(new CounterState { Value = value }, seed.ETag))
            .ToList();

        // Off the test's context, so the writes really overlap on SQLite's single writer lock.
        var outcomes = await Task.WhenAll(states.Select(state => Task.Run(async () =>
        {
            try
            {
                await Storage(store).WriteStateAsync(StateName, grainId, state);
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        })));

        var winner = Assert.Single(states.Where((_, index) => outcomes[index]));
        Assert.Equal((winner.State!.Value, winner.ETag), await StoredAsync(store, grainId));
        Assert.All(states.Where((_, index) => !outcomes[index]), loser => Assert.Equal(seed.ETag, loser.ETag));
    }

    private static GrainId NewGrainId() => GrainId.Create("embedded-direct", Guid.NewGuid().ToString("N"));

    private IGrainStorage Storage(string name) => fixture.Silo.Storage(name);

    private async Task<GrainState<CounterState>> ReadAsync(string store, GrainId grainId)
    {
        var state = new GrainState<CounterState>();
        await Storage(store).ReadStateAsync(StateName, grainId, state);
        return state;
    }

    /// <summary>What a fresh reader sees: the stored value and ETag, or null when there is no row.</summary>
    private async Task<(int Value, string? ETag)?> StoredAsync(string store, GrainId grainId)
    {
        var rows = (await StoredGrainState.ReadAsync(fixture.Database, fixture.Silo.ServiceId))
            .Where(row => row.GrainId == grainId.Key.ToString() && row.StateName == StateName)
            .ToList();
        if (rows.Count == 0)
        {
            return null;
        }

        var state = await ReadAsync(store, grainId);
        return (state.State!.Value, state.ETag);
    }
}
