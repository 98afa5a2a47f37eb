namespace Autonomy.Storage.Tests.Conformance;

public sealed class AnalysisStoresPostgresTests(PostgresBackend backend) : AnalysisStoresConformance(backend), IClassFixture<PostgresBackend>, IRequiresPostgres;
