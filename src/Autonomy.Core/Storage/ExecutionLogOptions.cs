using System.ComponentModel.DataAnnotations;

namespace Autonomy.Core.Storage;

/// <summary>The execution log writer's buffer, batching, document caps and retries (section <c>Autonomy:ExecutionLog</c>).</summary>
public sealed class ExecutionLogOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Autonomy:ExecutionLog";

    /// <summary>Default buffer capacity in records.</summary>
    public const int DefaultCapacity = 16_384;

    /// <summary>Default buffer capacity in bytes (64 MiB).</summary>
    public const long DefaultMaxBufferedBytes = 64L * 1024 * 1024;

    /// <summary>Default records per batch.</summary>
    public const int DefaultBatchSize = 5_000;

    /// <summary>Default number of batches written at once.</summary>
    public const int DefaultMaxConcurrentBatches = 2;

    /// <summary>Default longest time a record waits for its batch to fill, in milliseconds.</summary>
    public const int DefaultMaxBatchAgeMilliseconds = 200;

    /// <summary>Default cap of each input/output document, message and log in UTF-8 bytes (64 KiB).</summary>
    public const int DefaultMaxDocumentBytes = 64 * 1024;

    /// <summary>Default first retry delay in milliseconds.</summary>
    public const int DefaultRetryInitialDelayMilliseconds = 100;

    /// <summary>Default longest retry delay in milliseconds.</summary>
    public const int DefaultRetryMaxDelayMilliseconds = 5_000;

    /// <summary>Default time a graceful stop waits for the buffer to drain, in seconds.</summary>
    public const int DefaultShutdownTimeoutSeconds = 30;

    /// <summary>Default number of rejected records kept for <see cref="ExecutionLogWriter.RecentRejections"/>.</summary>
    public const int DefaultMaxRecentRejections = 100;

    /// <summary>How many records the buffer holds before <see cref="ExecutionLogWriter.RecordAsync"/> waits and <see cref="ExecutionLogWriter.TryRecord"/> refuses.</summary>
    /// <value>Defaults to <see cref="DefaultCapacity"/>.</value>
    [Range(1, 10_000_000)]
    public int Capacity { get; set; } = DefaultCapacity;

    /// <summary>How many bytes of records (estimated from their strings) the buffer holds before it pushes back.</summary>
    /// <value>Defaults to <see cref="DefaultMaxBufferedBytes"/>.</value>
    [Range(1_024, long.MaxValue)]
    public long MaxBufferedBytes { get; set; } = DefaultMaxBufferedBytes;

    /// <summary>The most records written in one transaction.</summary>
    /// <value>Defaults to <see cref="DefaultBatchSize"/>.</value>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = DefaultBatchSize;

    /// <summary>
    /// How many batches are written at once, each on its own connection. Two keep the client encoding one batch
    /// while the server stores the other; batches still complete, and count as written, in order.
    /// </summary>
    /// <value>Defaults to <see cref="DefaultMaxConcurrentBatches"/>.</value>
    [Range(1, 16)]
    public int MaxConcurrentBatches { get; set; } = DefaultMaxConcurrentBatches;

    /// <summary>The longest a record waits in the buffer for its batch to fill before the batch is written anyway.</summary>
    /// <value>Defaults to <see cref="DefaultMaxBatchAgeMilliseconds"/>.</value>
    [Range(1, 60_000)]
    public int MaxBatchAgeMilliseconds { get; set; } = DefaultMaxBatchAgeMilliseconds;

    /// <summary>The cap, in UTF-8 bytes, of each input and output document, message and log; longer ones are cut and flagged.</summary>
    /// <value>Defaults to <see cref="DefaultMaxDocumentBytes"/>.</value>
    [Range(64, 64 * 1024 * 1024)]
    public int MaxDocumentBytes { get; set; } = DefaultMaxDocumentBytes;

    /// <summary>The delay before the first retry of a failed write; it doubles with each attempt, with jitter.</summary>
    /// <value>Defaults to <see cref="DefaultRetryInitialDelayMilliseconds"/>.</value>
    [Range(1, 60_000)]
    public int RetryInitialDelayMilliseconds { get; set; } = DefaultRetryInitialDelayMilliseconds;

    /// <summary>The longest delay between retries. Writes are retried until they succeed or the writer is stopped.</summary>
    /// <value>Defaults to <see cref="DefaultRetryMaxDelayMilliseconds"/>.</value>
    [Range(1, 600_000)]
    public int RetryMaxDelayMilliseconds { get; set; } = DefaultRetryMaxDelayMilliseconds;

    /// <summary>How long <see cref="ExecutionLogWriter.DisposeAsync"/> waits for the buffer to drain before it reports the rest as dropped.</summary>
    /// <value>Defaults to <see cref="DefaultShutdownTimeoutSeconds"/>.</value>
    [Range(0, 3_600)]
    public int ShutdownTimeoutSeconds { get; set; } = DefaultShutdownTimeoutSeconds;

    /// <summary>How many rejected records <see cref="ExecutionLogWriter.RecentRejections"/> keeps (the oldest go first).</summary>
    /// <value>Defaults to <see cref="DefaultMaxRecentRejections"/>.</value>
    [Range(0, 100_000)]
    public int MaxRecentRejections { get; set; } = DefaultMaxRecentRejections;
}
