using Autonomy.Core.Storage.Migrations;
using Autonomy.Core.Storage.Sql;
using Autonomy.Storage.Embedded;
using Autonomy.Storage.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>A fresh SQLite file for the conformance suite.</summary>
public sealed class SqliteConformanceDatabase(SqliteDatabase database) : ConformanceDatabase
{
    public SqliteDatabase Database { get; } = database;

    public override SqlStoreDatabase Stores => new SqliteStoreDatabase(Database.Connections);

    public override IReadOnlyList<Migration> EmbeddedMigrations => SqliteMigrator.Migrations;

    public override Task<MigrationReport> MigrateAsync(IReadOnlyList<Migration>? migrations = null) =>
        SqliteMigrator.MigrateAsync(Database.Connections, migrations ?? SqliteMigrator.Migrations);

    public override Task<int> ExecuteAsync(string sql) => Database.ExecuteAsync(sql);

    public override async Task<long> ScalarAsync(string sql) =>
        Assert.Single(await Database.QueryAsync(sql, reader => reader.GetInt64(0)));

    public override async Task<bool> RelationExistsAsync(string name) =>
        Assert.Single(await Database.QueryAsync(
            "SELECT count(*) FROM sqlite_master WHERE name = @name AND type IN ('table', 'view')",
            reader => reader.GetInt64(0),
            new SqliteParameter("@name", name))) == 1;

    public override async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
