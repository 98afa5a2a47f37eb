using Autonomy.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Autonomy.Storage.Postgres;

/// <summary>
/// Writes execution batches to PostgreSQL by binary COPY, with the batch's counts rollups upserted in the same
/// transaction from aggregates computed in memory, and latency histograms deferred: added up in memory across
/// batches and written in a later batch's transaction (<see cref="PostgresExecutionLogSinkOptions"/>), and by
/// <see cref="FlushAsync"/>.
/// </summary>
/// <remarks>
/// <para>
/// The fast path COPYs straight into <c>tool_executions</c>. If any id is already stored (a retry of a batch whose
/// commit succeeded but whose acknowledgement was lost, or an id recorded twice), the primary key fails the COPY
/// and the batch is written again on the idempotent path: COPY into a temporary table, then
/// <c>INSERT … ON CONFLICT DO NOTHING RETURNING execution_id</c>, and rollups from the rows that were really
/// inserted. A retry therefore never duplicates a row or counts it twice in the rollups, and only retries pay for
/// the extra step.
/// </para>
/// <para>
/// Histogram deltas keep the same guarantee without a key of their own (<see cref="PostgresDeferredLatency"/>): a
/// batch's deltas are kept only once its transaction commits, deltas written by a transaction leave memory only
/// once it commits, and a transaction whose commit went unanswered is resolved by its id
/// (<c>pg_xact_status</c>). What is in memory is lost if the process dies: histograms lag the counts by at most
/// <see cref="PostgresExecutionLogSinkOptions.LatencyFlushIntervalMilliseconds"/>.
/// </para>
/// </remarks>
public sealed class PostgresExecutionLogSink : IExecutionLogSink
{
    private const string Table = "tool_executions";
    private const string IncomingTable = "tool_executions_incoming";
    private const string UniqueViolation = "23505";

    private const string StatusSql = "SELECT t.id, pg_xact_status(t.id::text::xid8) FROM unnest($1::bigint[]) AS t(id)";

    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresDeferredLatency _latency;

    /// <summary>Creates a sink on the process's data source, with the default <see cref="PostgresExecutionLogSinkOptions"/>.</summary>
    public PostgresExecutionLogSink(NpgsqlDataSource dataSource)
        : this(dataSource, new PostgresExecutionLogSinkOptions(), TimeProvider.System)
    {
    }

    /// <summary>Creates a sink on the process's data source.</summary>
    /// <param name="dataSource">The process's data source.</param>
    /// <param name="options">How latency histograms are deferred.</param>
    /// <param name="timeProvider">The clock of the histogram interval.</param>
    public PostgresExecutionLogSink(NpgsqlDataSource dataSource, PostgresExecutionLogSinkOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfNegative(options.LatencyFlushIntervalMilliseconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPendingLatencyRows, 1);
        _dataSource = dataSource;
        _latency = new PostgresDeferredLatency(options, timeProvider);
    }

    /// <summary>Forces the idempotent path on every batch (for measurement; it is never needed for correctness).</summary>
    public bool AlwaysUseIdempotentPath { get; init; }

    /// <summary>
    /// Writes each batch's latency histograms in the batch's own transaction, as the sink did before it deferred
    /// them (for measurement: the ingest benchmark's baseline; it is never needed for correctness).
    /// </summary>
    public bool WriteLatencyWithEachBatch { get; init; }

    /// <summary>The (tool, version, hour) histograms in memory, and the transactions of unknown outcome holding some.</summary>
    public (int PendingRows, int InDoubtTransactions) DeferredLatency => _latency.Counts;

    /// <summary>
    /// For tests: called with false just before each commit is sent and with true just after it is answered. An
    /// exception thrown there is what the sink sees when a connection dies at that moment: the commit's outcome is
    /// then unknown to the sink.
    /// </summary>
    internal Action<bool>? CommitHook { get; set; }

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

    /// <summary>
    /// Writes every deferred latency histogram now, in a transaction of its own, after any batch that is writing
    /// them settles. Called by <see cref="ExecutionLogWriter"/> when it stops; any exception means "retry".
    /// </summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var claim = await _latency.ClaimAllAsync(cancellationToken).ConfigureAwait(false);
        if (claim.Deltas.Count == 0 && claim.InDoubt.Count == 0)
        {
            _latency.Committed(claim, []);
            return;
        }

        await WriteTransactionAsync(claim, static (_, _, _) => Task.FromResult<IReadOnlyList<ExecutionRecord>>([]), cancellationToken)
            .ConfigureAwait(false);
        if (_latency.Counts.InDoubt > 0)
        {
            throw new InvalidOperationException(
                "A transaction holding latency histograms is still in progress on the server; flush again once it ends.");
        }
    }

    private Task<int> WriteDirectAsync(IReadOnlyList<ExecutionRecord> batch, CancellationToken cancellationToken) =>
        WriteTransactionAsync(
            ClaimDue(),
            async (connection, _, ct) =>
            {
                await PostgresExecutionCopy.CopyAsync(connection, Table, batch, ct).ConfigureAwait(false);
                return batch;
            },
            cancellationToken);

    private Task<int> WriteIdempotentAsync(IReadOnlyList<ExecutionRecord> batch, CancellationToken cancellationToken) =>
        WriteTransactionAsync(ClaimDue(), (connection, transaction, ct) => InsertNewAsync(connection, transaction, batch, ct), cancellationToken);

    private static async Task<IReadOnlyList<ExecutionRecord>> InsertNewAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ExecutionRecord> batch, CancellationToken cancellationToken)
    {
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

        return fresh;
    }

    /// <summary>
    /// One transaction: <paramref name="writeRows"/> stores rows and returns those really inserted; their counts
    /// rollups and the claimed histogram deltas are upserted; then the commit. The deferred deltas are settled by
    /// the outcome: committed, rolled back (the commit was never sent), or in doubt (sent, no answer).
    /// </summary>
    /// <returns>How many rows were inserted.</returns>
    private async Task<int> WriteTransactionAsync(
        PostgresLatencyClaim? claim,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task<IReadOnlyList<ExecutionRecord>>> writeRows,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<ExecutionRollup> rollups = [];
        long? transactionId = null;
        int inserted;
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            if (claim is { InDoubt.Count: > 0 })
            {
                await ResolveAsync(connection, transaction, claim, cancellationToken).ConfigureAwait(false);
            }

            var rows = await writeRows(connection, transaction, cancellationToken).ConfigureAwait(false);
            rollups = ExecutionRollupAggregator.Aggregate(rows);
            var histograms = WriteLatencyWithEachBatch ? PostgresLatencyDeltas.Of(rollups) : claim?.Deltas;
            transactionId = await PostgresRollupUpsert.ExecuteAsync(connection, transaction, rollups, histograms, cancellationToken)
                .ConfigureAwait(false);
            CommitHook?.Invoke(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            CommitHook?.Invoke(true);
            inserted = rows.Count;
        }
        catch
        {
            if (transactionId is { } id)
            {
                _latency.InDoubt(claim, Deferred(rollups), id);
            }
            else
            {
                _latency.RolledBack(claim);
            }

            throw;
        }

        _latency.Committed(claim, Deferred(rollups));
        return inserted;
    }

    private PostgresLatencyClaim? ClaimDue() => WriteLatencyWithEachBatch ? null : _latency.TryClaimDue();

    /// <summary>The batch's histograms that wait in memory: all of them, unless they were written with the batch.</summary>
    private IReadOnlyList<ExecutionRollup> Deferred(IReadOnlyList<ExecutionRollup> rollups) => WriteLatencyWithEachBatch ? [] : rollups;

    private static async Task ResolveAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, PostgresLatencyClaim claim, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(StatusSql, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter
        {
            Value = claim.InDoubt.Select(d => d.TransactionId).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint,
        });
        var statuses = new Dictionary<long, string?>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                statuses[reader.GetInt64(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
            }
        }

        claim.Resolve(statuses);
    }
}
