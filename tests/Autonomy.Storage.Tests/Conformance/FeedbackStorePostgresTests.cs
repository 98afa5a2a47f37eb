namespace Autonomy.Storage.Tests.Conformance;

public sealed class FeedbackStorePostgresTests(PostgresBackend backend) : FeedbackStoreConformance(backend), IClassFixture<PostgresBackend>, IRequiresPostgres;
