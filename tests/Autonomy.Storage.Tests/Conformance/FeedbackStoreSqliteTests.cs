namespace Autonomy.Storage.Tests.Conformance;

public sealed class FeedbackStoreSqliteTests(SqliteBackend backend) : FeedbackStoreConformance(backend), IClassFixture<SqliteBackend>;
