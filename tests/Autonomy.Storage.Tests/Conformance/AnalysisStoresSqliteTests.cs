namespace Autonomy.Storage.Tests.Conformance;

public sealed class AnalysisStoresSqliteTests(SqliteBackend backend) : AnalysisStoresConformance(backend), IClassFixture<SqliteBackend>;
