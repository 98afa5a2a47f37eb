namespace Autonomy.Storage.Tests.Conformance;

public sealed class DeploymentMonitoringStoreSqliteTests(SqliteBackend backend) : DeploymentMonitoringStoreConformance(backend), IClassFixture<SqliteBackend>;
