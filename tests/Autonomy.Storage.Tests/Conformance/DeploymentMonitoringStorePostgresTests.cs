namespace Autonomy.Storage.Tests.Conformance;

public sealed class DeploymentMonitoringStorePostgresTests(PostgresBackend backend) : DeploymentMonitoringStoreConformance(backend), IClassFixture<PostgresBackend>, IRequiresPostgres;
