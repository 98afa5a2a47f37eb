namespace Autonomy.Core.Storage;

/// <summary>A record the database refused on its own, after the writer bisected its batch.</summary>
/// <param name="Record">The record (capped as it was sent).</param>
/// <param name="Reason">The database's message.</param>
/// <param name="ErrorCode">The database's error code, when there is one.</param>
/// <param name="RejectedAt">When the writer gave up on it.</param>
public sealed record ExecutionRejection(ExecutionRecord Record, string Reason, string? ErrorCode, DateTimeOffset RejectedAt);
