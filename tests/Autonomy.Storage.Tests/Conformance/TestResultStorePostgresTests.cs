namespace Autonomy.Storage.Tests.Conformance;

public sealed class TestResultStorePostgresTests(PostgresBackend backend) : TestResultStoreConformance(backend), IClassFixture<PostgresBackend>, IRequiresPostgres;
