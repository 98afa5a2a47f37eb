using Autonomy.Storage.Tests.Grains;
using Autonomy.Storage.Tests.Embedded.Support;
using Autonomy.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Autonomy.Storage.Tests.Embedded;

/// <summary>
/// The embedded silo replaced by a new one on the same SQLite file: grain state and reminders survive. Each test
/// starts from an empty file, so the providers themselves apply the schema.
/// </summary>
public sealed class EmbeddedRestartTests : IAsyncLifetime
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    // Generous: a new silo first loads its ring range from the table, then waits for the next due time.
    private static readonly TimeSpan TickTimeout = TimeSpan.FromSeconds(30);

    private readonly SqliteDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync();

    [Fact]
    public async Task WriteStateAsync_NewSiloOnSameFile_ReadsStateBackAndKeepsWriting()
    {
        var serviceId = EmbeddedSilo.NewServiceId();
        var grainKey = $"counter-{Guid.NewGuid():N}";
        await using (var first = await EmbeddedSilo.StartAsync(_database.DatabasePath, serviceId, "first"))
        {
            var counter = first.Grains.GetGrain<ICounterGrain>(grainKey);
            await counter.IncrementAsync();
            await counter.IncrementAsync();
            Assert.Equal(3, await counter.IncrementAsync());
        }

        var stored = Assert.Single(await StoredGrainState.ReadAsync(_database, serviceId));
        Assert.Equal((grainKey, "counter"), (stored.GrainId, stored.StateName));

        await using var second = await EmbeddedSilo.StartAsync(_database.DatabasePath, serviceId, "second");
        var again = second.Grains.GetGrain<ICounterGrain>(grainKey);
        Assert.Equal(3, await again.GetAsync());
        Assert.Equal(4, await again.IncrementAsync());
        Assert.Contains("\"Value\":4", Assert.Single(await StoredGrainState.ReadAsync(_database, serviceId)).Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterOrUpdateReminder_SiloReplaced_NewSiloFiresItAndUnregisterDeletesRow()
    {
        var serviceId = EmbeddedSilo.NewServiceId();
        var grainKey = Guid.NewGuid().ToString("N");
        await using (var first = await EmbeddedSilo.StartAsync(_database.DatabasePath, serviceId, "first"))
        {
            await first.Grains.GetGrain<ITickerGrain>(grainKey).StartAsync(Period);

            Assert.Equal(first.Address, await ReminderTicks.NextAsync(grainKey, TickTimeout));
            var row = Assert.Single(await ReadRemindersAsync(serviceId));
            Assert.EndsWith("/" + grainKey, row.GrainId, StringComparison.Ordinal);
            Assert.Equal((TickerGrain.ReminderName, (long)Period.TotalMilliseconds), (row.ReminderName, row.PeriodMilliseconds));
        }

        ReminderTicks.Discard(grainKey);

        // Nothing calls the grain on the new silo: only the stored reminder can activate it.
        await using var second = await EmbeddedSilo.StartAsync(_database.DatabasePath, serviceId, "second");
        Assert.Equal(second.Address, await ReminderTicks.NextAsync(grainKey, TickTimeout));

        await second.Grains.GetGrain<ITickerGrain>(grainKey).StopAsync();
        Assert.Empty(await ReadRemindersAsync(serviceId));
    }

    private Task<IReadOnlyList<StoredReminder>> ReadRemindersAsync(string serviceId) =>
        _database.QueryAsync(
            """
            SELECT grain_id, reminder_name, period_ms
            FROM orleans_reminders
            WHERE service_id = $service_id
            ORDER BY grain_id, reminder_name
            """,
            reader => new StoredReminder(reader.GetString(0), reader.GetString(1), reader.GetInt64(2)),
            new SqliteParameter("$service_id", serviceId));

    private sealed record StoredReminder(string GrainId, string ReminderName, long PeriodMilliseconds);
}
