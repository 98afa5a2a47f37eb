namespace Autonomy.Core.Storage;

/// <summary>
/// Writes batches of execution records and their rollups to a database. Used by <see cref="ExecutionLogWriter"/>,
/// which owns buffering, retries and the bisection of rejected batches.
/// </summary>
public interface IExecutionLogSink
{
    /// <summary>
    /// Writes the records and adds their aggregates to the rollups, all in one transaction: either everything is
    /// written or nothing is. Idempotent on <see cref="ExecutionRecord.ExecutionId"/>: a record whose id is
    /// already stored is skipped, and does not count in the rollups again, so a batch whose commit outcome is
    /// unknown can simply be written again.
    /// </summary>
    /// <param name="batch">The records; may hold several versions of several tools.</param>
    /// <param name="cancellationToken">Cancels the write; the transaction is then rolled back.</param>
    /// <returns>How many records were new (the rest were already stored).</returns>
    /// <exception cref="ExecutionBatchRejectedException">
    /// The database refused the content of the batch (a value it cannot store, a broken constraint). Writing the
    /// same batch again fails the same way; the caller bisects it to find the rows at fault. Any other exception
    /// means the write may be retried as it is.
    /// </exception>
    Task<int> WriteAsync(IReadOnlyList<ExecutionRecord> batch, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes whatever the sink has deferred past the commits of <see cref="WriteAsync"/> (the PostgreSQL sink defers
    /// latency histograms; counts never are). <see cref="ExecutionLogWriter"/> calls it once its last batch is
    /// written when it stops, and retries it like a batch: any exception means "retry". Sinks that defer nothing
    /// keep this default, which does nothing.
    /// </summary>
    /// <param name="cancellationToken">Cancels the write; what was deferred then stays in memory.</param>
    Task FlushAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
}
