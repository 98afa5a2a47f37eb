namespace Autonomy.Storage.Tests.Conformance;

public sealed class ToolVersionStoreSqliteTests(SqliteBackend backend) : ToolVersionStoreConformance(backend), IClassFixture<SqliteBackend>;
