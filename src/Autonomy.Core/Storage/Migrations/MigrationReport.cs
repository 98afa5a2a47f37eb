namespace Autonomy.Core.Storage.Migrations;

/// <summary>What one migration run did.</summary>
/// <param name="Applied">The migrations this run applied, in order.</param>
/// <param name="AlreadyApplied">The migrations found applied (by an earlier run or a concurrent one).</param>
/// <param name="UnknownVersions">Versions recorded in the database that this build does not know: a newer build migrated it.</param>
public sealed record MigrationReport(
    IReadOnlyList<Migration> Applied,
    IReadOnlyList<Migration> AlreadyApplied,
    IReadOnlyList<int> UnknownVersions);
