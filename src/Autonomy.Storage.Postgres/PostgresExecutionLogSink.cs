using Autonomy.Core.Storage;
using Npgsql;

namespace Autonomy.Storage.Postgres;

/// <summary>
/// Writes execution batches to PostgreSQL by binary COPY, with the batch's rollups upserted in the same
/// transaction from aggregates computed in memory.
/// </summary>
/// <remarks>
/// The fast path COPYs straight into <c>tool_executions</c>. If any id is already stored (a retry of a batch whose
/// commit succeeded but whose acknowledgement was lost, or an id recorded twice), the primary key fails the COPY
/// and the batch is written again on the idempotent path: COPY into a temporary table, then
/// <c>INSERT … ON CONFLICT DO NOTHING RETURNING execution_id</c>, and rollups from the rows that were really
/// inserted. A retry therefore never duplicates a row or counts it twice in the rollups, and only retries pay for
/// the extra step.
/// </remarks>
public sealed class PostgresExecutionLogSink : IExecutionLogSink
{
    private const string Table = "tool_executions";
    private const string IncomingTable = "tool_executions_incoming";
    private const string UniqueViolation = "23505";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates a sink on the process's data source.</summary>
    public PostgresExecutionLogSink(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
    }

    /// <summary>Forces the idempotent path on every batch (for measurement; it is never needed for correctness).</summary>
    public bool AlwaysUseIdempotentPath { get; init; }

    /// <inheritdoc/>
    public async Task<int> WriteAsync(IReadOnlyList<ExecutionRecord> batch, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return 0;
        }

        if (!AlwaysUseIdempotentPath)
        {
            try
            {
                return await WriteDirectAsync(batch, cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState == UniqueViolation)
            {
                // Some ids are stored already: fall through to the path that skips them.
            }
            catch (Exception exception) when (PostgresExecutionLogErrors.IsRejection(exception))
            {
                throw PostgresExecutionLogErrors.Rejected(exception, batch.Count);
            }
        }

        try
        {
            return await WriteIdempotentAsync(batch, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (PostgresExecutionLogErrors.IsRejection(exception))
        {
            throw PostgresExecutionLogErrors.Rejected(exception, batch.Count);
        }
    }

    private async Task<int> WriteDirectAsync(IReadOnlyList<ExecutionRecord> batch, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await PostgresExecutionCopy.CopyAsync(connection, Table, batch, cancellationToken).ConfigureAwait(false);
        await PostgresRollupUpsert.ExecuteAsync(connection, transaction, ExecutionRollupAggregator.Aggregate(batch), cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return batch.Count;
    }

    private async Task<int> WriteIdempotentAsync(IReadOnlyList<ExecutionRecord> batch, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var create = new NpgsqlCommand(
            $"CREATE TEMP TABLE IF NOT EXISTS {IncomingTable} (LIKE {Table} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS",
            connection,
            transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await PostgresExecutionCopy.CopyAsync(connection, IncomingTable, batch, cancellationToken).ConfigureAwait(false);

        var inserted = new HashSet<Guid>();
        await using (var insert = new NpgsqlCommand(
            $"""
            INSERT INTO {Table} ({PostgresExecutionCopy.Columns})
            SELECT {PostgresExecutionCopy.Columns} FROM {IncomingTable}
            ON CONFLICT (execution_id) DO NOTHING
            RETURNING execution_id
            """,
            connection,
            transaction))
        {
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                inserted.Add(reader.GetGuid(0));
            }
        }

        // An id that appears twice in the batch is inserted once and must be counted once.
        var fresh = new List<ExecutionRecord>(inserted.Count);
        foreach (var record in batch)
        {
            if (inserted.Remove(record.ExecutionId))
            {
                fresh.Add(record);
            }
        }

        await PostgresRollupUpsert.ExecuteAsync(connection, transaction, ExecutionRollupAggregator.Aggregate(fresh), cancellationToken)
            .ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return fresh.Count;
    }
}
