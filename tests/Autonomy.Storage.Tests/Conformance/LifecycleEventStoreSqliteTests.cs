namespace Autonomy.Storage.Tests.Conformance;

public sealed class LifecycleEventStoreSqliteTests(SqliteBackend backend) : LifecycleEventStoreConformance(backend), IClassFixture<SqliteBackend>;
