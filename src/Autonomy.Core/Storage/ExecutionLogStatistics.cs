namespace Autonomy.Core.Storage;

/// <summary>Counts since an <see cref="ExecutionLogWriter"/> started (the same numbers its metrics report).</summary>
/// <param name="Accepted">Records taken into the buffer.</param>
/// <param name="Written">Records stored, including ones that were already stored.</param>
/// <param name="AlreadyStored">Of <paramref name="Written"/>, records whose id was already stored (a retried batch, a duplicate id).</param>
/// <param name="Rejected">Records the database refused on their own.</param>
/// <param name="Dropped">Records given up on (recorded after stop, or buffered past the shutdown timeout).</param>
/// <param name="Refused">TryRecord calls refused because the buffer was full (the caller still holds the record).</param>
/// <param name="Retries">Writes retried after a failure.</param>
/// <param name="Batches">Batches written.</param>
public readonly record struct ExecutionLogStatistics(
    long Accepted,
    long Written,
    long AlreadyStored,
    long Rejected,
    long Dropped,
    long Refused,
    long Retries,
    long Batches);
