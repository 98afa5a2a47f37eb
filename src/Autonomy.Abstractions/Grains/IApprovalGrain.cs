namespace Autonomy.Abstractions.Grains;

/// <summary>
/// Improvement attempts that wait for a person, across tools (key 0): candidates no testing strategy could verify,
/// which the loop never deploys on its own. A stateless front: it reads <c>improvement_attempts</c> and hands an
/// approval to the tool's <see cref="IImprovementGrain"/>, so it serialises with that tool's attempts.
/// </summary>
[Alias("autonomy.approvals")]
public interface IApprovalGrain : IGrainWithIntegerKey
{
    /// <summary>The attempts waiting for approval, oldest first (at most 100).</summary>
    [Alias("list-awaiting")]
    Task<IReadOnlyList<ImprovementAttemptSummary>> ListAwaitingAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>Deploys the candidate of attempt <paramref name="attemptId"/>, which must be waiting for approval.</summary>
    [Alias("approve")]
    Task<ImprovementReply> ApproveAsync(long attemptId, string approver, CancellationToken cancellationToken = default);
}
