using Autonomy.Core.Storage;

namespace Autonomy.Benchmarks.Cluster;

/// <summary>
/// An execution-log sink that stores nothing, for the information row that shows what writing the log to SQLite
/// costs: the writer, its batching and the records are unchanged, only the database work is gone.
/// </summary>
internal sealed class DiscardingExecutionLogSink : IExecutionLogSink
{
    public Task<int> WriteAsync(IReadOnlyList<ExecutionRecord> batch, CancellationToken cancellationToken = default) =>
        Task.FromResult(batch.Count);
}
