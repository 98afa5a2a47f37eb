using Autonomy.Storage.Tests.Grains;
using Autonomy.Storage.Tests.Support;
using Npgsql;

namespace Autonomy.Storage.Tests;

/// <summary>Silos and a client finding each other through the ADO.NET clustering queries.</summary>
public sealed class ClusteringTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Active = 3;
    private const int Dead = 6;

    [PostgresFact]
    public async Task StartAsync_FirstSilo_ActiveRowAndClientCallsThroughGateway()
    {
        var ids = TestClusterIds.New();
        await using var silo = await TestSilo.StartAsync(database, ids, "first");

        var member = Assert.Single(await ReadMembersAsync(ids));
        Assert.Equal(new Member("127.0.0.1", silo.SiloPort, "first", Active, silo.GatewayPort, null), member);
        // Joining inserts the row (version 0 -> 1) and becoming active updates it (1 -> 2).
        Assert.Equal(2, await ReadVersionAsync(ids));

        await using var client = await TestClient.ConnectAsync(database, ids);
        var grainKey = Guid.NewGuid().ToString("N");
        Assert.Equal(1, await client.Cluster.GetGrain<ICounterGrain>(grainKey).IncrementAsync());
    }

    [PostgresFact]
    public async Task StopAsync_SecondSiloLeaves_RowTurnsDeadAndFirstStaysActive()
    {
        var ids = TestClusterIds.New();
        await using var first = await TestSilo.StartAsync(database, ids, "first");
        await using var second = await TestSilo.StartAsync(database, ids, "second");

        Assert.Equal(
            [("first", Active), ("second", Active)],
            (await ReadMembersAsync(ids)).Select(m => (m.SiloName, m.Status)));

        await second.StopAsync();

        Assert.Equal(
            [("first", Active), ("second", Dead)],
            (await ReadMembersAsync(ids)).Select(m => (m.SiloName, m.Status)));
    }

    private async Task<IReadOnlyList<Member>> ReadMembersAsync(TestClusterIds ids) =>
        await database.QueryAsync(
            """
            SELECT address, port, siloname, status, proxyport, suspecttimes
            FROM orleansmembershiptable
            WHERE deploymentid = @deploymentId
            ORDER BY siloname
            """,
            reader => new Member(
                reader.GetString(0),
                reader.GetInt32(1),
                reader.GetString(2),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)),
            new NpgsqlParameter("deploymentId", ids.ClusterId));

    private async Task<int> ReadVersionAsync(TestClusterIds ids) =>
        Assert.Single(await database.QueryAsync(
            "SELECT version FROM orleansmembershipversiontable WHERE deploymentid = @deploymentId",
            reader => reader.GetInt32(0),
            new NpgsqlParameter("deploymentId", ids.ClusterId)));

    private sealed record Member(string Address, int Port, string SiloName, int Status, int ProxyPort, string? SuspectTimes);
}
