namespace Autonomy.Core.Storage;

/// <summary>
/// The database refused the content of a batch of execution records: retrying it unchanged fails again. Thrown by
/// <see cref="IExecutionLogSink.WriteAsync"/>; the writer bisects the batch to find the rows at fault.
/// </summary>
public sealed class ExecutionBatchRejectedException : Exception
{
    public ExecutionBatchRejectedException()
    {
    }

    public ExecutionBatchRejectedException(string message)
        : base(message)
    {
    }

    public ExecutionBatchRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The database's error code (a PostgreSQL SQLSTATE or a SQLite result code), when there is one.</summary>
    public string? ErrorCode { get; init; }
}
