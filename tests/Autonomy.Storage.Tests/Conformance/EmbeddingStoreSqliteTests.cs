namespace Autonomy.Storage.Tests.Conformance;

public sealed class EmbeddingStoreSqliteTests(SqliteBackend backend) : EmbeddingStoreConformance(backend), IClassFixture<SqliteBackend>;
