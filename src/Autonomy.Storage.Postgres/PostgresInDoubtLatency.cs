namespace Autonomy.Storage.Postgres;

/// <summary>
/// The histogram deltas of a transaction whose commit was sent but whose outcome is unknown (the connection died,
/// the answer was lost). <see cref="PostgresLatencyClaim.Resolve"/> settles them once PostgreSQL tells the
/// transaction's fate (<c>pg_xact_status</c>): if it committed, <see cref="Carried"/> is in the table and
/// <see cref="Own"/> (the batch's own deltas, whose counts committed with it) is still to write; if it rolled back,
/// <see cref="Carried"/> is still to write and <see cref="Own"/> is discarded, because the writer's retry of the batch
/// counts those executions again.
/// </summary>
/// <param name="TransactionId">The transaction's id (<c>pg_current_xact_id()</c>).</param>
/// <param name="Own">The deltas of the rows the transaction inserted.</param>
/// <param name="Carried">The earlier committed deltas the transaction wrote to <c>tool_execution_rollup_latency</c>.</param>
internal sealed record PostgresInDoubtLatency(long TransactionId, PostgresLatencyDeltas Own, PostgresLatencyDeltas Carried);
