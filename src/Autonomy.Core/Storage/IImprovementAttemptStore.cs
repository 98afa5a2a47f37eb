namespace Autonomy.Core.Storage;

/// <summary>Attempts to improve tools (<c>improvement_attempts</c>), from start to outcome.</summary>
public interface IImprovementAttemptStore
{
    /// <summary>Records the start of an attempt (in progress).</summary>
    /// <exception cref="ArgumentException">The investigation report does not exist.</exception>
    Task<ImprovementAttempt> StartAsync(NewImprovementAttempt attempt, CancellationToken cancellationToken = default);

    /// <summary>Records how an attempt ended. An attempt ends once.</summary>
    /// <param name="attemptId">The attempt.</param>
    /// <param name="status">Deployed, rejected or failed.</param>
    /// <param name="candidateVersion">The version it produced, if any.</param>
    /// <param name="error">Why it was rejected or failed.</param>
    /// <param name="detailsJson">The attempt's details as they stand at the end (replacing those given at the start), or null to keep those.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="InvalidOperationException">The attempt does not exist or has already ended.</exception>
    Task<ImprovementAttempt> CompleteAsync(
        long attemptId, ImprovementStatus status, int? candidateVersion, string? error, string? detailsJson = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Leaves an attempt in progress waiting for a person: its candidate is registered as
    /// <paramref name="candidateVersion"/> but could not be verified. It reads back as
    /// <see cref="ImprovementStatus.AwaitingApproval"/> until <see cref="CompleteAsync"/> ends it.
    /// </summary>
    /// <exception cref="InvalidOperationException">The attempt does not exist, has ended, or already waits.</exception>
    Task<ImprovementAttempt> RequestApprovalAsync(
        long attemptId, int candidateVersion, string reason, string? detailsJson = null, CancellationToken cancellationToken = default);

    /// <summary>Replaces the details of an attempt that has not ended (verification results added while it waits on a live shadow).</summary>
    /// <exception cref="InvalidOperationException">The attempt does not exist or has ended.</exception>
    Task<ImprovementAttempt> RecordDetailsAsync(long attemptId, string detailsJson, CancellationToken cancellationToken = default);

    /// <summary>The attempts waiting for approval, across tools, oldest first.</summary>
    Task<IReadOnlyList<ImprovementAttempt>> ListAwaitingApprovalAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>One attempt, or null.</summary>
    Task<ImprovementAttempt?> GetAsync(long attemptId, CancellationToken cancellationToken = default);

    /// <summary>The newest attempts on a tool, newest first.</summary>
    Task<IReadOnlyList<ImprovementAttempt>> ListAsync(string toolName, int limit, CancellationToken cancellationToken = default);
}
