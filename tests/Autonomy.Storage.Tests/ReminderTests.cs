using Autonomy.Storage.Tests.Grains;
using Autonomy.Storage.Tests.Support;
using Npgsql;

namespace Autonomy.Storage.Tests;

/// <summary>Durable reminders through the ADO.NET reminder queries.</summary>
public sealed class ReminderTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    // Generous: a new silo first joins the cluster, then loads its ring range, then waits for the due time.
    private static readonly TimeSpan TickTimeout = TimeSpan.FromSeconds(30);

    [PostgresFact]
    public async Task RegisterOrUpdateReminder_SiloReplaced_NewSiloFiresItAndUnregisterDeletesRow()
    {
        var ids = TestClusterIds.New();
        var grainKey = Guid.NewGuid().ToString("N");
        await using (var first = await TestSilo.StartAsync(database, ids, "first"))
        {
            await first.Grains.GetGrain<ITickerGrain>(grainKey).StartAsync(Period);

            Assert.Equal(first.Address, await ReminderTicks.NextAsync(grainKey, TickTimeout));
            var row = Assert.Single(await ReadRemindersAsync(ids));
            Assert.EndsWith("/" + grainKey, row.GrainId, StringComparison.Ordinal);
            Assert.Equal((TickerGrain.ReminderName, (long)Period.TotalMilliseconds, 0), (row.ReminderName, row.PeriodMilliseconds, row.Version));
        }

        ReminderTicks.Discard(grainKey);

        // Nothing calls the grain on the new silo: only the stored reminder can activate it.
        await using var second = await TestSilo.StartAsync(database, ids, "second");
        Assert.Equal(second.Address, await ReminderTicks.NextAsync(grainKey, TickTimeout));

        await second.Grains.GetGrain<ITickerGrain>(grainKey).StopAsync();
        Assert.Empty(await ReadRemindersAsync(ids));
    }

    private Task<IReadOnlyList<StoredReminder>> ReadRemindersAsync(TestClusterIds ids) =>
        database.QueryAsync(
            """
            SELECT grainid, remindername, period, version
            FROM orleansreminderstable
            WHERE serviceid = @serviceId
            ORDER BY grainid, remindername
            """,
            reader => new StoredReminder(reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt32(3)),
            new NpgsqlParameter("serviceId", ids.ServiceId));

    private sealed record StoredReminder(string GrainId, string ReminderName, long PeriodMilliseconds, int Version);
}
