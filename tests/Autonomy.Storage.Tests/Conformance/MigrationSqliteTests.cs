namespace Autonomy.Storage.Tests.Conformance;

public sealed class MigrationSqliteTests(SqliteBackend backend) : MigrationConformance(backend), IClassFixture<SqliteBackend>;
