namespace Autonomy.Storage.Tests.Conformance;

public sealed class AlertStorePostgresTests(PostgresBackend backend) : AlertStoreConformance(backend), IClassFixture<PostgresBackend>, IRequiresPostgres;
