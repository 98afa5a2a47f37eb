namespace Autonomy.Storage.Tests.Conformance;

public sealed class TestResultStoreSqliteTests(SqliteBackend backend) : TestResultStoreConformance(backend), IClassFixture<SqliteBackend>;
