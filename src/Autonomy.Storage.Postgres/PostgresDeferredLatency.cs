using Autonomy.Core.Storage;

namespace Autonomy.Storage.Postgres;

/// <summary>
/// The latency-histogram deltas of committed batches that are not yet in <c>tool_execution_rollup_latency</c>, and
/// the deltas of transactions whose outcome is in doubt. Thread-safe: the sink writes batches concurrently.
/// </summary>
/// <remarks>
/// Exactly once: a batch's own deltas join the pending set only after its transaction commits (a batch that fails
/// is written again by the writer, which recomputes them); claimed deltas leave memory only when the transaction
/// that wrote them commits, and go back to the pending set when it rolls back. When a commit was sent and its
/// answer lost, both sets wait, with the transaction's id, until <see cref="PostgresLatencyClaim.Resolve"/> learns
/// whether it committed.
/// </remarks>
internal sealed class PostgresDeferredLatency
{
    private readonly Lock _lock = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _interval;
    private readonly int _maxPending;
    private PostgresLatencyDeltas _pending = new();
    private List<PostgresInDoubtLatency> _inDoubt = [];
    private long _lastWritten;
    private TaskCompletionSource? _claimed;

    public PostgresDeferredLatency(PostgresExecutionLogSinkOptions options, TimeProvider timeProvider)
    {
        _time = timeProvider;
        _interval = TimeSpan.FromMilliseconds(options.LatencyFlushIntervalMilliseconds);
        _maxPending = options.MaxPendingLatencyRows;
        _lastWritten = timeProvider.GetTimestamp();
    }

    /// <summary>The (tool, version, hour) rows waiting to be written, and the transactions in doubt.</summary>
    public (int Pending, int InDoubt) Counts
    {
        get
        {
            lock (_lock)
            {
                return (_pending.Count, _inDoubt.Count);
            }
        }
    }

    /// <summary>
    /// Claims everything waiting when the interval has passed since the last write or too many rows wait, and no
    /// other transaction holds a claim; otherwise null, and the caller writes its counts only.
    /// </summary>
    public PostgresLatencyClaim? TryClaimDue()
    {
        lock (_lock)
        {
            if (_claimed is not null || (_pending.Count == 0 && _inDoubt.Count == 0))
            {
                return null;
            }

            return _pending.Count >= _maxPending || _time.GetElapsedTime(_lastWritten) >= _interval ? ClaimLocked() : null;
        }
    }

    /// <summary>Claims everything waiting, once the transaction that holds the current claim (if any) settles it.</summary>
    public async Task<PostgresLatencyClaim> ClaimAllAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            Task settled;
            lock (_lock)
            {
                if (_claimed is null)
                {
                    return ClaimLocked();
                }

                settled = _claimed.Task;
            }

            await settled.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The transaction committed: <paramref name="own"/> (its batch's rollups) waits for a later write, and the
    /// claimed deltas are stored.
    /// </summary>
    public void Committed(PostgresLatencyClaim? claim, IReadOnlyList<ExecutionRollup> own)
    {
        var deltas = PostgresLatencyDeltas.Of(own);
        lock (_lock)
        {
            _pending.Add(deltas);
            if (claim is not null)
            {
                _lastWritten = _time.GetTimestamp();
                ReleaseLocked(claim);
            }
        }
    }

    /// <summary>
    /// The transaction failed before its commit was sent, so it rolled back: its own deltas are forgotten (a retry
    /// counts the executions again) and the claimed ones wait again.
    /// </summary>
    public void RolledBack(PostgresLatencyClaim? claim)
    {
        if (claim is null)
        {
            return;
        }

        lock (_lock)
        {
            _pending.Add(claim.Deltas);
            ReleaseLocked(claim);
        }
    }

    /// <summary>The commit was sent but its answer lost: both sets wait until the transaction's fate is known.</summary>
    public void InDoubt(PostgresLatencyClaim? claim, IReadOnlyList<ExecutionRollup> own, long transactionId)
    {
        var entry = new PostgresInDoubtLatency(transactionId, PostgresLatencyDeltas.Of(own), claim?.Deltas ?? new PostgresLatencyDeltas());
        lock (_lock)
        {
            if (entry.Own.Count > 0 || entry.Carried.Count > 0)
            {
                _inDoubt.Add(entry);
            }

            if (claim is not null)
            {
                ReleaseLocked(claim);
            }
        }
    }

    private PostgresLatencyClaim ClaimLocked()
    {
        _claimed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var claim = new PostgresLatencyClaim(_pending, _inDoubt);
        _pending = new PostgresLatencyDeltas();
        _inDoubt = [];
        return claim;
    }

    private void ReleaseLocked(PostgresLatencyClaim claim)
    {
        // Transactions still in doubt after the claim's resolution (or never resolved) wait for the next claim.
        _inDoubt.AddRange(claim.InDoubt);
        var claimed = _claimed;
        _claimed = null;
        claimed?.TrySetResult();
    }
}
