using Autonomy.Storage.Tests.Grains;
using Autonomy.Storage.Tests.Support;
using Npgsql;
using Orleans.Storage;

namespace Autonomy.Storage.Tests;

/// <summary>Grain state through the ADO.NET persistence queries, with the ETag as the row version.</summary>
public sealed class GrainStateTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [PostgresFact]
    public async Task WriteStateAsync_NewSiloOnSameDatabase_ReadsStateBack()
    {
        var ids = TestClusterIds.New();
        var grainKey = NewStringKey();
        await using (var first = await TestSilo.StartAsync(database, ids, "first"))
        {
            var counter = first.Grains.GetGrain<ICounterGrain>(grainKey);
            await counter.IncrementAsync();
            await counter.IncrementAsync();
            Assert.Equal(3, await counter.IncrementAsync());
        }

        Assert.Equal([new StoredState("counter", grainKey, 3, hasPayload: true)], await ReadStatesAsync(ids));

        await using var second = await TestSilo.StartAsync(database, ids, "second");
        Assert.Equal(3, await second.Grains.GetGrain<ICounterGrain>(grainKey).GetAsync());
    }

    [PostgresFact]
    public async Task WriteStateAsync_StaleETag_ThrowsInconsistentStateExceptionAndKeepsRow()
    {
        var ids = TestClusterIds.New();
        var grainKey = NewStringKey();
        await using var silo = await TestSilo.StartAsync(database, ids, "silo");
        var counter = silo.Grains.GetGrain<ICounterGrain>(grainKey);
        Assert.Equal(1, await counter.IncrementAsync());

        // Another writer got there first: the stored version moves past the activation's ETag.
        Assert.Equal(1, await database.ExecuteAsync(
            "UPDATE orleansstorage SET version = version + 1 WHERE serviceid = @serviceId",
            new NpgsqlParameter("serviceId", ids.ServiceId)));

        await Assert.ThrowsAsync<InconsistentStateException>(counter.IncrementAsync);
        Assert.Equal([new StoredState("counter", grainKey, 2, hasPayload: true)], await ReadStatesAsync(ids));
    }

    [PostgresFact]
    public async Task ClearStateAsync_KeepingStore_NullsPayloadAndNextWriteContinuesVersions()
    {
        var ids = TestClusterIds.New();
        var grainKey = NewStringKey();
        await using var silo = await TestSilo.StartAsync(database, ids, "silo");
        var counter = silo.Grains.GetGrain<ICounterGrain>(grainKey);
        await counter.IncrementAsync();
        await counter.IncrementAsync();

        await counter.ClearAsync();

        Assert.Equal([new StoredState("counter", grainKey, 3, hasPayload: false)], await ReadStatesAsync(ids));
        Assert.Equal(0, await counter.GetAsync());
        Assert.Equal(1, await counter.IncrementAsync());
        Assert.Equal([new StoredState("counter", grainKey, 4, hasPayload: true)], await ReadStatesAsync(ids));
    }

    [PostgresFact]
    public async Task ClearStateAsync_DeletingStore_DeletesRowAndNextWriteStartsAgain()
    {
        var ids = TestClusterIds.New();
        var grainKey = NewStringKey();
        await using var silo = await TestSilo.StartAsync(database, ids, "silo");
        var counter = silo.Grains.GetGrain<ICounterGrain>(grainKey);
        await counter.IncrementScratchAsync();
        Assert.Equal(2, await counter.IncrementScratchAsync());
        Assert.Equal([new StoredState("scratch", grainKey, 2, hasPayload: true)], await ReadStatesAsync(ids));

        await counter.ClearScratchAsync();

        Assert.Empty(await ReadStatesAsync(ids));
        Assert.Equal(1, await counter.IncrementScratchAsync());
        Assert.Equal([new StoredState("scratch", grainKey, 1, hasPayload: true)], await ReadStatesAsync(ids));
    }

    // Not a bare Guid: the provider stores a string key that parses as a Guid as a Guid key.
    private static string NewStringKey() => $"counter-{Guid.NewGuid():N}";

    private Task<IReadOnlyList<StoredState>> ReadStatesAsync(TestClusterIds ids) =>
        database.QueryAsync(
            """
            SELECT graintypestring, grainidn0, grainidn1, grainidextensionstring, version, payloadbinary IS NOT NULL
            FROM orleansstorage
            WHERE serviceid = @serviceId
            ORDER BY graintypestring
            """,
            reader => new StoredState(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetInt64(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.GetInt32(4),
                reader.GetBoolean(5)),
            new NpgsqlParameter("serviceId", ids.ServiceId));

    // A string key is stored whole in the extension column with both numeric halves zero.
    private sealed record StoredState(string StateName, long N0, long N1, string? Extension, int Version, bool HasPayload)
    {
        public StoredState(string stateName, string grainKey, int version, bool hasPayload)
            : this(stateName, 0, 0, grainKey, version, hasPayload)
        {
        }
    }
}
