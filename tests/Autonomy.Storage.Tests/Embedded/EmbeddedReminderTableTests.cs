using Autonomy.Storage.SiloProviders.Reminders;
using Autonomy.Storage.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Autonomy.Storage.Tests.Embedded;

/// <summary><c>SqliteReminderTable</c> against its contract: ETags, ring-range reads and service isolation.</summary>
public sealed class EmbeddedReminderTableTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private static readonly DateTime StartAt = new(2026, 11, 28, 12, 30, 15, 250, DateTimeKind.Utc);

    [Fact]
    public async Task UpsertRow_NewReminder_ReadRowReturnsEntryWithReturnedETag()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();

        var eTag = await table.UpsertRow(Entry(grainId, "daily", TimeSpan.FromMinutes(5)));

        var row = await table.ReadRow(grainId, "daily");
        Assert.NotNull(row);
        Assert.Equal(
            (grainId, "daily", StartAt, DateTimeKind.Utc, TimeSpan.FromMinutes(5), eTag),
            (row.GrainId, row.ReminderName, row.StartAt, row.StartAt.Kind, row.Period, row.ETag));
    }

    [Fact]
    public async Task UpsertRow_SubMillisecondStart_StoredToTheMillisecond()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();

        await table.UpsertRow(Entry(grainId, "precise", TimeSpan.FromSeconds(1), StartAt.AddTicks(4_321)));

        Assert.Equal(StartAt, (await table.ReadRow(grainId, "precise"))?.StartAt);
    }

    [Fact]
    public async Task UpsertRow_ExistingReminder_ReplacesValuesAndETag()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();
        var first = await table.UpsertRow(Entry(grainId, "tick", TimeSpan.FromMinutes(1)));

        var second = await table.UpsertRow(Entry(grainId, "tick", TimeSpan.FromMinutes(2), StartAt.AddHours(1)));

        Assert.NotEqual(first, second);
        var row = Assert.Single((await table.ReadRows(grainId)).Reminders);
        Assert.Equal((TimeSpan.FromMinutes(2), StartAt.AddHours(1), second), (row.Period, row.StartAt, row.ETag));
    }

    [Fact]
    public async Task ReadRows_GrainId_ReturnsOnlyThatGrainsRemindersByName()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();
        await table.UpsertRow(Entry(grainId, "b", TimeSpan.FromMinutes(1)));
        await table.UpsertRow(Entry(grainId, "a", TimeSpan.FromMinutes(1)));
        await table.UpsertRow(Entry(NewGrainId(), "a", TimeSpan.FromMinutes(1)));

        var rows = (await table.ReadRows(grainId)).Reminders;

        Assert.Equal(["a", "b"], rows.Select(row => row.ReminderName));
        Assert.All(rows, row => Assert.Equal(grainId, row.GrainId));
    }

    [Fact]
    public async Task ReadRow_Missing_ReturnsNull()
    {
        var table = await StartTableAsync();

        Assert.Null(await table.ReadRow(NewGrainId(), "none"));
    }

    [Fact]
    public async Task RemoveRow_StaleETag_ReturnsFalseAndKeepsRow()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();
        var stale = await table.UpsertRow(Entry(grainId, "tick", TimeSpan.FromMinutes(1)));
        var current = await table.UpsertRow(Entry(grainId, "tick", TimeSpan.FromMinutes(1)));

        Assert.False(await table.RemoveRow(grainId, "tick", stale!));

        Assert.Equal(current, (await table.ReadRow(grainId, "tick"))?.ETag);
    }

    [Fact]
    public async Task RemoveRow_CurrentETag_DeletesRowOnce()
    {
        var table = await StartTableAsync();
        var grainId = NewGrainId();
        var eTag = await table.UpsertRow(Entry(grainId, "tick", TimeSpan.FromMinutes(1)));

        Assert.True(await table.RemoveRow(grainId, "tick", eTag!));

        Assert.Null(await table.ReadRow(grainId, "tick"));
        Assert.False(await table.RemoveRow(grainId, "tick", eTag!));
    }

    [Fact]
    public async Task ReadRows_HashRanges_ExclusiveBeginInclusiveEndAndWrapAround()
    {
        var table = await StartTableAsync();
        var grains = Enumerable.Range(0, 40)
            .Select(_ => NewGrainId())
            .OrderBy(grainId => grainId.GetUniformHashCode())
            .ToList();
        Assert.Equal(grains.Count, grains.Select(grainId => grainId.GetUniformHashCode()).Distinct().Count());
        foreach (var grainId in grains)
        {
            await table.UpsertRow(Entry(grainId, "ring", TimeSpan.FromMinutes(1)));
        }

        uint Hash(int index) => grains[index].GetUniformHashCode();

        // (hash[10], hash[20]]: the grain at the lower bound is out, the one at the upper bound is in.
        Assert.Equal(grains[11..21], await ReadRangeAsync(table, Hash(10), Hash(20)));

        // begin > end wraps past uint.MaxValue: (hash[30], max] and [0, hash[4]].
        Assert.Equal([.. grains[..5], .. grains[31..]], await ReadRangeAsync(table, Hash(30), Hash(4)));

        // begin == end is the whole ring, as a single silo owns it.
        Assert.Equal(grains, await ReadRangeAsync(table, Hash(7), Hash(7)));
        Assert.Equal(grains, await ReadRangeAsync(table, 0, 0));

        // A range between two neighbours holds nothing.
        Assert.True(Hash(6) - 1 > Hash(5));
        Assert.Empty(await ReadRangeAsync(table, Hash(5), Hash(6) - 1));

        // Hashes above int.MaxValue are stored and compared as unsigned values, not as negative ones.
        var upperHalf = grains.Where(grainId => grainId.GetUniformHashCode() > int.MaxValue).ToList();
        Assert.NotEmpty(upperHalf);
        Assert.Equal(upperHalf, await ReadRangeAsync(table, int.MaxValue, uint.MaxValue));
        Assert.Equal(grains.Except(upperHalf), await ReadRangeAsync(table, uint.MaxValue, int.MaxValue));
    }

    [Fact]
    public async Task TestOnlyClearTable_TwoServicesInOneFile_ClearsOnlyItsOwnRows()
    {
        var mine = await StartTableAsync();
        var theirs = await StartTableAsync();
        var grainId = NewGrainId();
        await mine.UpsertRow(Entry(grainId, "tick", TimeSpan.FromMinutes(1)));
        var theirETag = await theirs.UpsertRow(Entry(grainId, "tick", TimeSpan.FromMinutes(1)));

        await mine.TestOnlyClearTable();

        Assert.Empty((await mine.ReadRows(grainId)).Reminders);
        Assert.Equal(theirETag, Assert.Single((await theirs.ReadRows(grainId)).Reminders).ETag);
        Assert.Empty((await mine.ReadRows(0, 0)).Reminders);
    }

    [Fact]
    public async Task StartAsync_EmptyFile_AppliesSchemaWithMigrations()
    {
        var empty = new SqliteDatabase();
        try
        {
            var table = Table(empty.DatabasePath, "fresh");

            await table.StartAsync();

            var versions = await empty.QueryAsync("SELECT version FROM schema_migrations ORDER BY version", reader => reader.GetInt32(0));
            Assert.Contains(3, versions);
            Assert.Equal(
                ["orleans_grain_state", "orleans_reminders"],
                await empty.QueryAsync(
                    "SELECT name FROM sqlite_schema WHERE type = 'table' AND name LIKE 'orleans_%' ORDER BY name",
                    reader => reader.GetString(0)));
        }
        finally
        {
            await empty.DisposeAsync();
        }
    }

    private static GrainId NewGrainId() => GrainId.Create("embedded-reminder", Guid.NewGuid().ToString("N"));

    private static ReminderEntry Entry(GrainId grainId, string name, TimeSpan period, DateTime? startAt = null) =>
        new() { GrainId = grainId, ReminderName = name, Period = period, StartAt = startAt ?? StartAt };

    private static SqliteReminderTable Table(string databasePath, string serviceId) =>
        new(
            Options.Create(new ClusterOptions { ServiceId = serviceId, ClusterId = "embedded" }),
            Options.Create(new SqliteReminderTableOptions { DatabasePath = databasePath }),
            NullLogger<SqliteReminderTable>.Instance);

    private static async Task<List<GrainId>> ReadRangeAsync(SqliteReminderTable table, uint begin, uint end) =>
        (await table.ReadRows(begin, end)).Reminders
            .Select(row => row.GrainId)
            .OrderBy(grainId => grainId.GetUniformHashCode())
            .ToList();

    // A table of its own service id on the class's file, so tests never see each other's rows.
    private async Task<SqliteReminderTable> StartTableAsync()
    {
        var table = Table(database.DatabasePath, $"reminders-{Guid.NewGuid():N}");
        await table.StartAsync();
        return table;
    }
}
