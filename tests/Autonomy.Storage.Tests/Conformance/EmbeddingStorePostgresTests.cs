namespace Autonomy.Storage.Tests.Conformance;

public sealed class EmbeddingStorePostgresTests(PostgresBackend backend) : EmbeddingStoreConformance(backend), IClassFixture<PostgresBackend>, IRequiresPostgres;
