using Autonomy.Core.Storage.Migrations;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>The migration runner, identically on every backend, each test on a fresh empty database.</summary>
public abstract class MigrationConformance(StoreBackend backend)
{
    private static readonly string[] ProjectRelations =
    [
        "schema_migrations", "tool_versions", "execution_feedback", "tool_analytics", "investigation_reports",
        "improvement_attempts", "shadow_test_results", "replay_test_results", "tool_creation_events",
        "tool_lifecycle_events", "deployment_monitoring", "deployment_health_checks", "deployment_rollbacks",
        "testing_summary", "tool_lifecycle_summary", "deployment_stability", "active_monitoring",
    ];

    [ConformanceFact]
    public async Task MigrateAsync_EmptyDatabase_AppliesEveryEmbeddedMigrationInOrder()
    {
        await using var database = await backend.CreateEmptyAsync();

        var report = await database.MigrateAsync();

        Assert.NotEmpty(database.EmbeddedMigrations);
        Assert.Equal(database.EmbeddedMigrations.Select(m => m.Version), report.Applied.Select(m => m.Version));
        Assert.True(report.Applied.Select(m => m.Version).SequenceEqual(report.Applied.Select(m => m.Version).Order()));
        Assert.Empty(report.AlreadyApplied);
        Assert.Empty(report.UnknownVersions);
        Assert.Equal(database.EmbeddedMigrations.Count, await database.ScalarAsync("SELECT count(*) FROM schema_migrations"));
        foreach (var relation in ProjectRelations)
        {
            Assert.True(await database.RelationExistsAsync(relation), $"{relation} is missing");
        }
    }

    [ConformanceFact]
    public async Task MigrateAsync_RunTwice_SecondAppliesNothing()
    {
        await using var database = await backend.CreateEmptyAsync();
        await database.MigrateAsync();

        var second = await database.MigrateAsync();

        Assert.Empty(second.Applied);
        Assert.Equal(database.EmbeddedMigrations.Select(m => m.Version), second.AlreadyApplied.Select(m => m.Version));
        Assert.Equal(database.EmbeddedMigrations.Count, await database.ScalarAsync("SELECT count(*) FROM schema_migrations"));
    }

    [ConformanceFact]
    public async Task MigrateAsync_AppliedScriptChanged_RefusesBeforeApplyingAnything()
    {
        await using var database = await backend.CreateEmptyAsync();
        await database.MigrateAsync([Migration.Create(1, "first", "CREATE TABLE first_table (n integer)")]);
        var changed = Migration.Create(1, "first", "CREATE TABLE first_table (n integer, m integer)");

        var exception = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(
            () => database.MigrateAsync([changed, Migration.Create(2, "second", "CREATE TABLE second_table (n integer)")]));

        Assert.Equal(1, exception.Version);
        Assert.Equal(changed.Checksum, exception.CurrentChecksum);
        Assert.Contains("0001_first", exception.Message, StringComparison.Ordinal);
        Assert.False(await database.RelationExistsAsync("second_table"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM schema_migrations"));
    }

    [ConformanceFact]
    public async Task MigrateAsync_LineEndingsChanged_IsNotAChange()
    {
        await using var database = await backend.CreateEmptyAsync();
        await database.MigrateAsync([Migration.Create(1, "first", "CREATE TABLE first_table\n(n integer)\n")]);

        var report = await database.MigrateAsync([Migration.Create(1, "first", "CREATE TABLE first_table\r\n(n integer)\r\n")]);

        Assert.Empty(report.Applied);
        Assert.Single(report.AlreadyApplied);
    }

    [ConformanceFact]
    public async Task MigrateAsync_GapsInNumbering_AppliesInVersionOrder()
    {
        await using var database = await backend.CreateEmptyAsync();

        var report = await database.MigrateAsync(
        [
            Migration.Create(7, "seven", "INSERT INTO numbers (n) VALUES (7)"),
            Migration.Create(1, "create", "CREATE TABLE numbers (n integer)"),
            Migration.Create(3, "three", "INSERT INTO numbers (n) VALUES (3)"),
        ]);

        Assert.Equal([1, 3, 7], report.Applied.Select(m => m.Version));
        Assert.Equal(2, await database.ScalarAsync("SELECT count(*) FROM numbers"));
    }

    [ConformanceFact]
    public async Task MigrateAsync_FailingScript_RollsItBackAndKeepsEarlierOnes()
    {
        await using var database = await backend.CreateEmptyAsync();

        var exception = await Assert.ThrowsAsync<MigrationFailedException>(() => database.MigrateAsync(
        [
            Migration.Create(1, "good", "CREATE TABLE good_table (n integer)"),
            Migration.Create(2, "bad", "CREATE TABLE half_table (n integer); INSERT INTO no_such_table (n) VALUES (1);"),
        ]));

        Assert.Contains("0002_bad", exception.Message, StringComparison.Ordinal);
        Assert.True(await database.RelationExistsAsync("good_table"));
        Assert.False(await database.RelationExistsAsync("half_table"));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM schema_migrations"));
    }

    [ConformanceFact]
    public async Task MigrateAsync_UnknownAppliedVersion_IsReportedNotRefused()
    {
        await using var database = await backend.CreateEmptyAsync();
        await database.MigrateAsync([Migration.Create(1, "one", "CREATE TABLE one_table (n integer)"), Migration.Create(9, "nine", "SELECT 1")]);

        var report = await database.MigrateAsync([Migration.Create(1, "one", "CREATE TABLE one_table (n integer)")]);

        Assert.Equal([9], report.UnknownVersions);
        Assert.Empty(report.Applied);
    }

    [ConformanceFact]
    public async Task MigrateAsync_FourMigratorsAtOnce_AllSucceedAndEachScriptRunsOnce()
    {
        await using var database = await backend.CreateEmptyAsync();
        IReadOnlyList<Migration> migrations =
        [
            Migration.Create(1, "create", "CREATE TABLE runs (n integer)"),
            Migration.Create(2, "count", "INSERT INTO runs (n) VALUES (2)"),
            .. database.EmbeddedMigrations.Select(m => m with { Version = m.Version + 10 }),
        ];

        var reports = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => database.MigrateAsync(migrations))));

        Assert.Equal(migrations.Count, reports.Sum(r => r.Applied.Count));
        Assert.All(reports, r => Assert.Equal(migrations.Count, r.Applied.Count + r.AlreadyApplied.Count));
        Assert.Equal(1, await database.ScalarAsync("SELECT count(*) FROM runs"));
        Assert.Equal(migrations.Count, await database.ScalarAsync("SELECT count(*) FROM schema_migrations"));
    }
}
