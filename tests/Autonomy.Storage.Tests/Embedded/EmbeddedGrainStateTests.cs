using Autonomy.Storage.Tests.Grains;
using Autonomy.Storage.Tests.Embedded.Support;
using Microsoft.Data.Sqlite;
using Orleans.Storage;

namespace Autonomy.Storage.Tests.Embedded;

/// <summary>Grain state through <c>SqliteGrainStorage</c>, driven by a grain on a real silo.</summary>
public sealed class EmbeddedGrainStateTests(EmbeddedSiloFixture fixture) : IClassFixture<EmbeddedSiloFixture>
{
    private EmbeddedSilo Silo => fixture.Silo;

    [Fact]
    public async Task WriteStateAsync_ThreeIncrements_OneRowWithLastValue()
    {
        var counter = NewCounter(out var grainId);
        await counter.IncrementAsync();
        await counter.IncrementAsync();

        Assert.Equal(3, await counter.IncrementAsync());

        var row = Assert.Single(await RowsOfAsync(grainId));
        Assert.Equal(("counter", grainId.Type.ToString()), (row.StateName, row.GrainType));
        Assert.Contains("\"Value\":3", row.Payload, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{32}$", row.ETag);
    }

    [Fact]
    public async Task WriteStateAsync_RowChangedBehindActivation_ThrowsInconsistentStateExceptionAndKeepsRow()
    {
        var counter = NewCounter(out var grainId);
        Assert.Equal(1, await counter.IncrementAsync());

        // Another writer got there first: the stored ETag moves past the activation's.
        Assert.Equal(1, await fixture.Database.ExecuteAsync(
            "UPDATE orleans_grain_state SET etag = 'moved-on' WHERE service_id = $service_id AND grain_id = $grain_id",
            new SqliteParameter("$service_id", Silo.ServiceId),
            new SqliteParameter("$grain_id", grainId.Key.ToString())));

        await Assert.ThrowsAsync<InconsistentStateException>(counter.IncrementAsync);

        var row = Assert.Single(await RowsOfAsync(grainId));
        Assert.Equal("moved-on", row.ETag);
        Assert.Contains("\"Value\":1", row.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClearStateAsync_KeepingStore_NullsPayloadAndNextWriteUsesNewETag()
    {
        var counter = NewCounter(out var grainId);
        await counter.IncrementAsync();
        Assert.Equal(2, await counter.IncrementAsync());
        var before = Assert.Single(await RowsOfAsync(grainId));

        await counter.ClearAsync();

        var cleared = Assert.Single(await RowsOfAsync(grainId));
        Assert.Null(cleared.Payload);
        Assert.NotEqual(before.ETag, cleared.ETag);
        Assert.Equal(0, await counter.GetAsync());
        Assert.Equal(1, await counter.IncrementAsync());
        var rewritten = Assert.Single(await RowsOfAsync(grainId));
        Assert.Contains("\"Value\":1", rewritten.Payload, StringComparison.Ordinal);
        Assert.NotEqual(cleared.ETag, rewritten.ETag);
    }

    [Fact]
    public async Task ClearStateAsync_DeletingStore_DeletesRowAndNextWriteInsertsAgain()
    {
        var counter = NewCounter(out var grainId);
        await counter.IncrementScratchAsync();
        Assert.Equal(2, await counter.IncrementScratchAsync());
        Assert.Equal("scratch", Assert.Single(await RowsOfAsync(grainId)).StateName);

        await counter.ClearScratchAsync();

        Assert.Empty(await RowsOfAsync(grainId));
        Assert.Equal(1, await counter.IncrementScratchAsync());
        var row = Assert.Single(await RowsOfAsync(grainId));
        Assert.Equal("scratch", row.StateName);
        Assert.Contains("\"Value\":1", row.Payload, StringComparison.Ordinal);
    }

    private ICounterGrain NewCounter(out GrainId grainId)
    {
        var counter = Silo.Grains.GetGrain<ICounterGrain>($"counter-{Guid.NewGuid():N}");
        grainId = counter.GetGrainId();
        return counter;
    }

    private async Task<IReadOnlyList<StoredGrainState>> RowsOfAsync(GrainId grainId)
    {
        var key = grainId.Key.ToString();
        return (await StoredGrainState.ReadAsync(fixture.Database, Silo.ServiceId)).Where(row => row.GrainId == key).ToList();
    }
}
