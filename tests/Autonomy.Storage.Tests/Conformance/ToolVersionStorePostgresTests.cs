namespace Autonomy.Storage.Tests.Conformance;

public sealed class ToolVersionStorePostgresTests(PostgresBackend backend) : ToolVersionStoreConformance(backend), IClassFixture<PostgresBackend>, IRequiresPostgres;
