namespace Autonomy.Storage.Tests.Conformance;

public sealed class MigrationPostgresTests(PostgresBackend backend) : MigrationConformance(backend), IClassFixture<PostgresBackend>, IRequiresPostgres;
