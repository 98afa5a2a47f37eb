using Autonomy.Core.Storage.Migrations;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Autonomy.Storage.Embedded;

/// <summary>
/// Applies the embedded <c>schema/sqlite/NNNN_name.sql</c> migrations at start-up, each in its own
/// <c>BEGIN IMMEDIATE</c> transaction (which takes SQLite's write lock, so concurrent migrators queue on the busy
/// timeout and the second finds the work done). Scripts must not change <c>journal_mode</c> or run
/// <c>VACUUM</c>: neither works inside a transaction.
/// </summary>
public static class SqliteMigrator
{
    /// <summary>The prefix of the embedded migration resources.</summary>
    public const string ResourcePrefix = "schema.sqlite.";

    /// <summary>The SQLite dialect of the migration runner. <c>applied_at</c> is unix milliseconds, as every SQLite timestamp.</summary>
    public static MigrationDialect Dialect { get; } = new(
        "SQLite",
        """
        CREATE TABLE IF NOT EXISTS schema_migrations
        (
            version INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            checksum TEXT NOT NULL,
            applied_at INTEGER NOT NULL DEFAULT (CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER))
        )
        """,
        LockSql: null);

    /// <summary>The migrations embedded in this build, by version.</summary>
    public static IReadOnlyList<Migration> Migrations { get; } =
        MigrationResources.Load(typeof(SqliteMigrator).Assembly, ResourcePrefix);

    /// <summary>Applies every pending embedded migration.</summary>
    /// <exception cref="Core.Storage.StorageUnavailableException">The file cannot be opened.</exception>
    /// <exception cref="MigrationChecksumMismatchException">An applied migration's script changed.</exception>
    /// <exception cref="MigrationFailedException">A script failed; it was rolled back.</exception>
    public static Task<MigrationReport> MigrateAsync(
        SqliteConnectionFactory connections, ILogger? logger = null, CancellationToken cancellationToken = default) =>
        MigrateAsync(connections, Migrations, logger, cancellationToken);

    /// <summary>Applies every pending migration of <paramref name="migrations"/> (tests, tools).</summary>
    public static async Task<MigrationReport> MigrateAsync(
        SqliteConnectionFactory connections,
        IReadOnlyList<Migration> migrations,
        ILogger? logger = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connections);
        await using var connection = await connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await MigrationRunner.RunAsync(connection, Dialect, migrations, logger ?? NullLogger.Instance, cancellationToken)
            .ConfigureAwait(false);
    }
}
