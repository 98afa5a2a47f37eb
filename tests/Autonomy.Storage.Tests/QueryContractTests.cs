using Autonomy.Storage.Tests.Support;
using Npgsql;
using static Autonomy.Storage.Tests.Support.StoredQueries;

namespace Autonomy.Storage.Tests;

/// <summary>
/// The conditional writes that running silos rarely exercise, called directly through the stored query
/// texts with the parameters the providers bind: stale versions, duplicates, races lost.
/// </summary>
public sealed class QueryContractTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const int Active = 3;
    private const int Dead = 6;
    private static readonly DateTime Start = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [PostgresFact]
    public async Task InsertMembershipVersionKey_CalledTwice_CreatesVersionZeroOnce()
    {
        var deployment = NewId();

        Assert.Equal(1, await database.FlagAsync("InsertMembershipVersionKey", Parameter("DeploymentId", deployment)));
        Assert.Equal(0, await database.FlagAsync("InsertMembershipVersionKey", Parameter("DeploymentId", deployment)));

        // No members yet: one left-joined row that carries only the version.
        Assert.Equal([new MemberRow(null, null, null, 0)], await ReadAllAsync(deployment));
    }

    [PostgresFact]
    public async Task InsertMembershipKey_StaleVersionOrDuplicateSilo_ReturnsZeroAndChangesNothing()
    {
        var deployment = await NewDeploymentAsync();

        Assert.Equal(0, await InsertMemberAsync(deployment, port: 11111, version: 1));
        Assert.Equal([new MemberRow(null, null, null, 0)], await ReadAllAsync(deployment));

        Assert.Equal(1, await InsertMemberAsync(deployment, port: 11111, version: 0));
        Assert.Equal(0, await InsertMemberAsync(deployment, port: 11111, version: 1));

        Assert.Equal([new MemberRow(11111, Active, null, 1)], await ReadAllAsync(deployment));
    }

    [PostgresFact]
    public async Task InsertMembershipKey_RacingSilosOnOneVersion_ExactlyOneJoins()
    {
        var deployment = await NewDeploymentAsync();

        var flags = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => InsertMemberAsync(deployment, port: 30000 + i, version: 0)));

        Assert.Equal(1, flags.Sum());
        var member = Assert.Single(await ReadAllAsync(deployment));
        Assert.Equal(1, member.Version);
    }

    [PostgresFact]
    public async Task UpdateMembershipKey_StaleVersionOrMissingSilo_ReturnsZeroThenCurrentVersionUpdates()
    {
        var deployment = await NewDeploymentAsync();
        Assert.Equal(1, await InsertMemberAsync(deployment, port: 11111, version: 0));

        Assert.Equal(0, await UpdateMemberAsync(deployment, port: 11111, Dead, "x", version: 0));
        Assert.Equal(0, await UpdateMemberAsync(deployment, port: 22222, Dead, "x", version: 1));
        Assert.Equal([new MemberRow(11111, Active, null, 1)], await ReadAllAsync(deployment));

        Assert.Equal(1, await UpdateMemberAsync(deployment, port: 11111, Dead, "x", version: 1));
        Assert.Equal([new MemberRow(11111, Dead, "x", 2)], await ReadAllAsync(deployment));
    }

    [PostgresFact]
    public async Task UpdateIAmAlivetimeKey_Heartbeats_MoveTimeForwardOnlyAndKeepVersion()
    {
        var deployment = await NewDeploymentAsync();
        Assert.Equal(1, await InsertMemberAsync(deployment, port: 11111, version: 0));

        await HeartbeatAsync(deployment, Start.AddSeconds(10));
        await HeartbeatAsync(deployment, Start.AddSeconds(5));

        Assert.Equal([Start.AddSeconds(10)], await database.QueryAsync(
            "SELECT iamalivetime FROM orleansmembershiptable WHERE deploymentid = @deploymentId",
            reader => reader.GetDateTime(0),
            new NpgsqlParameter("deploymentId", deployment)));
        Assert.Equal([new MemberRow(11111, Active, null, 1)], await ReadAllAsync(deployment));
    }

    [PostgresFact]
    public async Task CleanupDefunctSiloEntryKey_RowChangedSinceRead_DeletesOnlyTheUnchangedDeadRow()
    {
        var deployment = await NewDeploymentAsync();
        Assert.Equal(1, await InsertMemberAsync(deployment, port: 11111, version: 0));
        Assert.Equal(1, await InsertMemberAsync(deployment, port: 22222, version: 1));
        Assert.Equal(1, await UpdateMemberAsync(deployment, port: 11111, Dead, null, version: 2));
        Assert.Equal(1, await UpdateMemberAsync(deployment, port: 22222, Dead, "vote", version: 3));

        // 22222 gained a suspicion after the provider read it; 11111 is exactly as read.
        await CleanupAsync(deployment, port: 11111, suspectTimes: null);
        await CleanupAsync(deployment, port: 22222, suspectTimes: null);

        Assert.Equal([new MemberRow(22222, Dead, "vote", 4)], await ReadAllAsync(deployment));
    }

    [PostgresFact]
    public async Task WriteToStorageKey_StaleOrMissingVersion_ReturnsNullAndKeepsRow()
    {
        var serviceId = NewId();

        Assert.Equal([1], await WriteStateAsync(serviceId, version: null));
        Assert.Equal([null], await WriteStateAsync(serviceId, version: null));
        Assert.Equal([2], await WriteStateAsync(serviceId, version: 1));
        Assert.Equal([null], await WriteStateAsync(serviceId, version: 1));

        Assert.Equal([2], await database.QueryAsync(
            "SELECT version FROM orleansstorage WHERE serviceid = @serviceId",
            reader => reader.GetInt32(0),
            new NpgsqlParameter("serviceId", serviceId)));
    }

    [PostgresFact]
    public async Task WriteToStorageKey_RacingFirstWrites_ExactlyOneInserts()
    {
        var serviceId = NewId();

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => WriteStateAsync(serviceId, version: null)));

        Assert.Equal([1], results.SelectMany(rows => rows).OfType<int>());
        Assert.Equal([1], await database.QueryAsync(
            "SELECT version FROM orleansstorage WHERE serviceid = @serviceId",
            reader => reader.GetInt32(0),
            new NpgsqlParameter("serviceId", serviceId)));
    }

    [PostgresFact]
    public async Task ReadRangeRowsKeys_PlainAndWrappingRanges_ReturnRowsInsideTheRange()
    {
        var serviceId = NewId();
        foreach (var hash in new[] { int.MinValue, -100, 0, 100, int.MaxValue })
        {
            await UpsertReminderAsync(serviceId, $"grain/{hash}", hash);
        }

        Assert.Equal(["grain/0", "grain/100"], await ReadRangeAsync("ReadRangeRows1Key", serviceId, begin: -100, end: 100));
        Assert.Equal(
            ["grain/-100", $"grain/{int.MinValue}", $"grain/{int.MaxValue}"],
            await ReadRangeAsync("ReadRangeRows2Key", serviceId, begin: 100, end: -100));
    }

    [PostgresFact]
    public async Task DeleteReminderRowKey_WrongVersion_ReturnsZeroAndKeepsRow()
    {
        var serviceId = NewId();
        Assert.Equal(0, await UpsertReminderAsync(serviceId, "grain/a", 1));
        Assert.Equal(1, await UpsertReminderAsync(serviceId, "grain/a", 1));

        Assert.Equal(0, await DeleteReminderAsync(serviceId, version: 0));
        Assert.Single(await ReadReminderAsync(serviceId));

        Assert.Equal(1, await DeleteReminderAsync(serviceId, version: 1));
        Assert.Empty(await ReadReminderAsync(serviceId));
    }

    private static string NewId() => $"contract-{Guid.NewGuid():N}";

    private async Task<string> NewDeploymentAsync()
    {
        var deployment = NewId();
        Assert.Equal(1, await database.FlagAsync("InsertMembershipVersionKey", Parameter("DeploymentId", deployment)));
        return deployment;
    }

    private Task<int> InsertMemberAsync(string deployment, int port, int version) =>
        database.FlagAsync(
            "InsertMembershipKey",
            Parameter("DeploymentId", deployment),
            Parameter("Address", "127.0.0.1"),
            Parameter("Port", port),
            Parameter("Generation", 7),
            Parameter("SiloName", $"silo-{port}"),
            Parameter("HostName", "host"),
            Parameter("Status", Active),
            Parameter("ProxyPort", 0),
            Parameter("StartTime", Start),
            Parameter("IAmAliveTime", Start),
            Parameter("Version", version));

    private Task<int> UpdateMemberAsync(string deployment, int port, int status, string? suspectTimes, int version) =>
        database.FlagAsync(
            "UpdateMembershipKey",
            Parameter("DeploymentId", deployment),
            Parameter("Address", "127.0.0.1"),
            Parameter("Port", port),
            Parameter("Generation", 7),
            Parameter("Status", status),
            Parameter("SuspectTimes", suspectTimes),
            Parameter("IAmAliveTime", Start),
            Parameter("Version", version));

    private Task<int> HeartbeatAsync(string deployment, DateTime time) =>
        database.ExecuteStoredAsync(
            "UpdateIAmAlivetimeKey",
            Parameter("DeploymentId", deployment),
            Parameter("Address", "127.0.0.1"),
            Parameter("Port", 11111),
            Parameter("Generation", 7),
            Parameter("IAmAliveTime", time));

    private Task<int> CleanupAsync(string deployment, int port, string? suspectTimes) =>
        database.ExecuteStoredAsync(
            "CleanupDefunctSiloEntryKey",
            Parameter("DeploymentId", deployment),
            Parameter("Address", "127.0.0.1"),
            Parameter("Port", port),
            Parameter("Generation", 7),
            Parameter("SuspectTimes", suspectTimes),
            Parameter("StartTime", Start),
            Parameter("IAmAliveTime", Start));

    private Task<IReadOnlyList<MemberRow>> ReadAllAsync(string deployment) =>
        database.QueryStoredAsync(
            "MembershipReadAllKey",
            reader => new MemberRow(
                reader.IsDBNull(reader.GetOrdinal("Port")) ? null : reader.GetInt32(reader.GetOrdinal("Port")),
                reader.IsDBNull(reader.GetOrdinal("Status")) ? null : reader.GetInt32(reader.GetOrdinal("Status")),
                reader.IsDBNull(reader.GetOrdinal("SuspectTimes")) ? null : reader.GetString(reader.GetOrdinal("SuspectTimes")),
                reader.GetInt32(reader.GetOrdinal("Version"))),
            Parameter("DeploymentId", deployment));

    private Task<IReadOnlyList<int?>> WriteStateAsync(string serviceId, int? version) =>
        database.QueryStoredAsync(
            "WriteToStorageKey",
            reader => reader.IsDBNull(0) ? (int?)null : reader.GetInt32(reader.GetOrdinal("NewGrainStateVersion")),
            Parameter("GrainIdHash", 42),
            Parameter("GrainIdN0", 0L),
            Parameter("GrainIdN1", 0L),
            Parameter("GrainTypeHash", 43),
            Parameter("GrainTypeString", "state"),
            Parameter("GrainIdExtensionString", "key"),
            Parameter("ServiceId", serviceId),
            Parameter("GrainStateVersion", version),
            Parameter("PayloadBinary", [1, 2, 3]));

    private async Task<int> UpsertReminderAsync(string serviceId, string grainId, int grainHash) =>
        Assert.Single(await database.QueryStoredAsync(
            "UpsertReminderRowKey",
            reader => reader.GetInt32(reader.GetOrdinal("Version")),
            Parameter("ServiceId", serviceId),
            Parameter("GrainId", grainId),
            Parameter("ReminderName", "tick"),
            Parameter("StartTime", Start),
            Parameter("Period", 60_000),
            Parameter("GrainHash", grainHash)));

    private async Task<IReadOnlyList<string>> ReadRangeAsync(string queryKey, string serviceId, int begin, int end) =>
        (await database.QueryStoredAsync(
            queryKey,
            reader => reader.GetString(reader.GetOrdinal("GrainId")),
            Parameter("ServiceId", serviceId),
            Parameter("BeginHash", begin),
            Parameter("EndHash", end)))
        .Order(StringComparer.Ordinal)
        .ToList();

    private Task<int> DeleteReminderAsync(string serviceId, int version) =>
        database.FlagAsync(
            "DeleteReminderRowKey",
            Parameter("ServiceId", serviceId),
            Parameter("GrainId", "grain/a"),
            Parameter("ReminderName", "tick"),
            Parameter("Version", version));

    private Task<IReadOnlyList<string>> ReadReminderAsync(string serviceId) =>
        database.QueryStoredAsync(
            "ReadReminderRowKey",
            reader => reader.GetString(reader.GetOrdinal("ReminderName")),
            Parameter("ServiceId", serviceId),
            Parameter("GrainId", "grain/a"),
            Parameter("ReminderName", "tick"));

    private sealed record MemberRow(int? Port, int? Status, string? SuspectTimes, int Version);
}
