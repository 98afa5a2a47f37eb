namespace Autonomy.Storage.Tests.Conformance;

public sealed class LifecycleEventStorePostgresTests(PostgresBackend backend) : LifecycleEventStoreConformance(backend), IClassFixture<PostgresBackend>, IRequiresPostgres;
