namespace Autonomy.Storage.Tests.Conformance;

/// <summary>
/// Marks a test class whose <see cref="ConformanceFactAttribute"/> tests need the PostgreSQL server: they are
/// skipped without it on a developer machine and fail without it under CI.
/// </summary>
public interface IRequiresPostgres;
