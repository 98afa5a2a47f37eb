using System.Collections.Concurrent;
using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.ExecutionLog;

/// <summary>
/// An idempotent in-memory sink with hooks: a gate that blocks writes, failures before or after the "commit",
/// and records it refuses.
/// </summary>
internal sealed class InMemoryExecutionLogSink : IExecutionLogSink
{
    private readonly ConcurrentDictionary<Guid, ExecutionRecord> _stored = new();
    private readonly Lock _lock = new();
    private int _failuresBeforeCommit;
    private int _failuresAfterCommit;

    public IReadOnlyDictionary<Guid, ExecutionRecord> Stored => _stored;

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    /// <summary>When set, writes wait for it.</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>Completed on every write attempt.</summary>
    public TaskCompletionSource WriteStarted { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Ids the "database" refuses.</summary>
    public HashSet<Guid> Poison { get; } = [];

    public int Attempts;

    public void FailBeforeCommit(int times) => _failuresBeforeCommit = times;

    public void FailAfterCommit(int times) => _failuresAfterCommit = times;

    public async Task<int> WriteAsync(IReadOnlyList<ExecutionRecord> batch, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Attempts);
        var started = WriteStarted;
        WriteStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        started.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        lock (_lock)
        {
            if (_failuresBeforeCommit > 0)
            {
                _failuresBeforeCommit--;
                throw new IOException("connection reset before commit");
            }

            if (batch.Any(r => Poison.Contains(r.ExecutionId)))
            {
                throw new ExecutionBatchRejectedException("poison row") { ErrorCode = "22021" };
            }

            BatchSizes.Enqueue(batch.Count);
            var inserted = batch.Count(r => _stored.TryAdd(r.ExecutionId, r));
            if (_failuresAfterCommit > 0)
            {
                _failuresAfterCommit--;
                throw new IOException("connection reset after commit");
            }

            return inserted;
        }
    }
}
