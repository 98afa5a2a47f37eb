using Autonomy.Core.Storage.Migrations;
using Autonomy.Core.Storage.Sql;
using Autonomy.Storage.Postgres;
using Autonomy.Storage.Tests.Support;
using Npgsql;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>A fresh PostgreSQL database for the conformance suite.</summary>
public sealed class PostgresConformanceDatabase(PostgresDatabase database) : ConformanceDatabase
{
    public PostgresDatabase Database { get; } = database;

    public override SqlStoreDatabase Stores => new PostgresStoreDatabase(Database.DataSource);

    public override IReadOnlyList<Migration> EmbeddedMigrations => PostgresMigrator.Migrations;

    public override Task<MigrationReport> MigrateAsync(IReadOnlyList<Migration>? migrations = null) =>
        PostgresMigrator.MigrateAsync(Database.DataSource, migrations ?? PostgresMigrator.Migrations);

    public override Task<int> ExecuteAsync(string sql) => Database.ExecuteAsync(sql);

    public override async Task<long> ScalarAsync(string sql) =>
        Assert.Single(await Database.QueryAsync(sql, reader => Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)));

    public override async Task<bool> RelationExistsAsync(string name) =>
        Assert.Single(await Database.QueryAsync(
            "SELECT count(*) FROM pg_class WHERE relname = @name AND relkind IN ('r', 'v')",
            reader => reader.GetInt64(0),
            new NpgsqlParameter("name", name))) == 1;

    public override async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
