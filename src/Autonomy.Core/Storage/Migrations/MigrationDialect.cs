namespace Autonomy.Core.Storage.Migrations;

/// <summary>What differs between databases when <see cref="MigrationRunner"/> applies migrations.</summary>
/// <param name="DatabaseName">The database's name in messages, for example <c>PostgreSQL</c>.</param>
/// <param name="CreateVersionTableSql">
/// Creates <c>schema_migrations(version, name, checksum, applied_at)</c> if it is missing; <c>applied_at</c>
/// defaults to the database's clock.
/// </param>
/// <param name="LockSql">
/// Run first in every migration transaction to serialise migrators on other connections and hosts, for example
/// <c>SELECT pg_advisory_xact_lock(...)</c>; null when beginning the transaction already takes the write lock
/// (SQLite's <c>BEGIN IMMEDIATE</c>).
/// </param>
public sealed record MigrationDialect(string DatabaseName, string CreateVersionTableSql, string? LockSql);
