using System.Data.Common;
using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Autonomy.Core.Storage.Migrations;

/// <summary>
/// Applies migrations over an open ADO.NET connection, the same way on every database: each pending migration in
/// its own transaction together with its <c>schema_migrations</c> row, under the dialect's lock, re-checking
/// inside the transaction whether a concurrent migrator got there first. Every applied migration's checksum is
/// verified before anything is applied.
/// </summary>
public static class MigrationRunner
{
    /// <summary>The longest one migration script may run.</summary>
    public static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(10);

    /// <summary>Brings the database to the latest of <paramref name="migrations"/>.</summary>
    /// <exception cref="MigrationChecksumMismatchException">An applied migration's script changed.</exception>
    /// <exception cref="MigrationFailedException">A script failed; it was rolled back.</exception>
    public static async Task<MigrationReport> RunAsync(
        DbConnection connection,
        MigrationDialect dialect,
        IReadOnlyList<Migration> migrations,
        ILogger logger,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentNullException.ThrowIfNull(logger);
        var ordered = MigrationResources.Order(migrations);

        await using (var transaction = await BeginAsync(connection, dialect, cancellationToken).ConfigureAwait(false))
        {
            await ExecuteAsync(connection, transaction, dialect.CreateVersionTableSql, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        var recorded = await ReadAppliedAsync(connection, cancellationToken).ConfigureAwait(false);
        foreach (var migration in ordered)
        {
            // Refuse before applying anything, so a changed script never leaves a half-migrated database.
            if (recorded.TryGetValue(migration.Version, out var checksum))
            {
                Verify(migration, checksum);
            }
        }

        var known = ordered.Select(m => m.Version).ToHashSet();
        var unknown = recorded.Keys.Where(v => !known.Contains(v)).Order().ToList();
        if (unknown.Count > 0)
        {
            Log.UnknownMigrations(logger, dialect.DatabaseName, string.Join(", ", unknown));
        }

        var applied = new List<Migration>();
        var alreadyApplied = ordered.Where(m => recorded.ContainsKey(m.Version)).ToList();
        foreach (var migration in ordered.Where(m => !recorded.ContainsKey(m.Version)))
        {
            if (await ApplyAsync(connection, dialect, migration, logger, cancellationToken).ConfigureAwait(false))
            {
                applied.Add(migration);
            }
            else
            {
                alreadyApplied.Add(migration);
            }
        }

        Log.MigrationsDone(logger, dialect.DatabaseName, applied.Count, alreadyApplied.Count);
        return new MigrationReport(applied, alreadyApplied.OrderBy(m => m.Version).ToList(), unknown);
    }

    private static async Task<bool> ApplyAsync(
        DbConnection connection, MigrationDialect dialect, Migration migration, ILogger logger, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await using var transaction = await BeginAsync(connection, dialect, cancellationToken).ConfigureAwait(false);

        // A concurrent migrator may have applied it between our read and our lock.
        await using (var check = Command(connection, transaction, "SELECT checksum FROM schema_migrations WHERE version = @version"))
        {
            AddParameter(check, "@version", migration.Version);
            if (await check.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string checksum)
            {
                Verify(migration, checksum);
                return false;
            }
        }

        try
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            Log.MigrationFailed(logger, migration.ToString(), dialect.DatabaseName, exception);
            throw new MigrationFailedException(
                $"Migration {migration} failed on {dialect.DatabaseName} and was rolled back: {exception.Message}", exception);
        }

        await using (var record = Command(
            connection, transaction, "INSERT INTO schema_migrations (version, name, checksum) VALUES (@version, @name, @checksum)"))
        {
            AddParameter(record, "@version", migration.Version);
            AddParameter(record, "@name", migration.Name);
            AddParameter(record, "@checksum", migration.Checksum);
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Log.MigrationApplied(logger, migration.ToString(), dialect.DatabaseName, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return true;
    }

    private static void Verify(Migration migration, string appliedChecksum)
    {
        if (!string.Equals(migration.Checksum, appliedChecksum, StringComparison.Ordinal))
        {
            throw new MigrationChecksumMismatchException(migration, appliedChecksum);
        }
    }

    private static async Task<Dictionary<int, string>> ReadAppliedAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, "SELECT version, checksum FROM schema_migrations");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var applied = new Dictionary<int, string>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static async Task<DbTransaction> BeginAsync(DbConnection connection, MigrationDialect dialect, CancellationToken cancellationToken)
    {
        var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (dialect.LockSql is { } lockSql)
            {
                await ExecuteAsync(connection, transaction, lockSql, cancellationToken).ConfigureAwait(false);
            }

            return transaction;
        }
        catch
        {
            await transaction.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
#pragma warning disable CA2100 // Migration scripts are trusted files shipped in the build, not user input.
        command.CommandText = sql;
#pragma warning restore CA2100
        command.CommandTimeout = (int)CommandTimeout.TotalSeconds;
        return command;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
