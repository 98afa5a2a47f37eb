namespace Autonomy.Storage.Tests.Conformance;

public sealed class AlertStoreSqliteTests(SqliteBackend backend) : AlertStoreConformance(backend), IClassFixture<SqliteBackend>;
