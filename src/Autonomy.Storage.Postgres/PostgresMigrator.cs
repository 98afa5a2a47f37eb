using Autonomy.Core.Storage.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Autonomy.Storage.Postgres;

/// <summary>
/// Applies the embedded <c>schema/postgresql/NNNN_name.sql</c> migrations at start-up. Safe when several silos
/// start at once: every migration transaction first takes a transaction-level advisory lock, then re-checks
/// <c>schema_migrations</c>, so each script runs exactly once.
/// </summary>
public static class PostgresMigrator
{
    /// <summary>The prefix of the embedded migration resources.</summary>
    public const string ResourcePrefix = "schema.postgresql.";

    /// <summary>The advisory-lock key all migrators share (the ASCII of "autonomy" read as a 64-bit integer).</summary>
    public const long AdvisoryLockKey = 0x6175_746f_6e6f_6d79;

    /// <summary>The PostgreSQL dialect of the migration runner.</summary>
    public static MigrationDialect Dialect { get; } = new(
        "PostgreSQL",
        """
        CREATE TABLE IF NOT EXISTS schema_migrations
        (
            version integer PRIMARY KEY,
            name text NOT NULL,
            checksum text NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """,
        $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})");

    /// <summary>The migrations embedded in this build, by version.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
        MigrationResources.Load(typeof(PostgresMigrator).Assembly, ResourcePrefix);

    /// <summary>Applies every pending embedded migration.</summary>
    /// <exception cref="Core.Storage.StorageUnavailableException">The server could not be reached.</exception>
    /// <exception cref="MigrationChecksumMismatchException">An applied migration's script changed.</exception>
    /// <exception cref="MigrationFailedException">A script failed; it was rolled back.</exception>
    public static Task<MigrationReport> MigrateAsync(
        NpgsqlDataSource dataSource, ILogger? logger = null, CancellationToken cancellationToken = default) =>
        MigrateAsync(dataSource, Migrations, logger, cancellationToken);

    /// <summary>Applies every pending migration of <paramref name="migrations"/> (tests, tools).</summary>
    public static async Task<MigrationReport> MigrateAsync(
        NpgsqlDataSource dataSource,
        IReadOnlyList<Migration> migrations,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        await using var connection = await PostgresConnections.OpenAsync(dataSource, cancellationToken).ConfigureAwait(false);
        return await MigrationRunner.RunAsync(connection, Dialect, migrations, logger ?? NullLogger.Instance, cancellationToken)
            .ConfigureAwait(false);
    }
}
