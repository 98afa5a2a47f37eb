using Orleans.Concurrency;

namespace Autonomy.Abstractions.Grains;

/// <summary>
/// Improves one tool (key: the tool's name): runs a recorded repair attempt on its active version and, when a
/// candidate passes every case, registers it as an autonomous version and deploys it. The attempt runs here, never
/// in an <see cref="IToolGrain"/> turn, so the tool keeps answering while it is repaired; one activation per tool
/// keeps two attempts on the same tool from running at once. The attempts live in <c>improvement_attempts</c>.
/// </summary>
[Alias("autonomy.improvement")]
public interface IImprovementGrain : IGrainWithStringKey
{
    /// <summary>
    /// Runs one improvement attempt on the active version and deploys the fix it finds. Refuses, with no attempt,
    /// a tool that is unknown (<see cref="ImprovementOutcome.UnknownTool"/>), archived, not deployed, or pinned (the
    /// loop never changes a pinned version; a person may unpin it). The attempt is bounded by
    /// <c>Autonomy:Repair:MaxSeconds</c>; a caller's response timeout must leave room for it.
    /// </summary>
    [Alias("improve")]
    Task<ImprovementReply> ImproveAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The loop's way in: runs <see cref="ImproveAsync"/> without the caller waiting, then tells the loop's
    /// coordinator how it ended (<see cref="ILoopCoordinatorGrain.RecordImprovementOutcomeAsync"/>).
    /// </summary>
    [Alias("start"), OneWay]
    Task StartAsync();

    /// <summary>
    /// Deploys the candidate of an attempt that waits for approval (no testing strategy could verify it), through
    /// the tool's grain as the loop would, and ends the attempt as deployed. Refused when the attempt is not this
    /// tool's, does not wait, or the tool changed since (pinned, archived, another active version, cooling down).
    /// </summary>
    [Alias("approve")]
    Task<ImprovementReply> ApproveAsync(long attemptId, string approver, CancellationToken cancellationToken = default);

    /// <summary>
    /// How the running attempt is getting on, or null when none is running. It interleaves with
    /// <see cref="ImproveAsync"/>, which is the point of it.
    /// </summary>
    [Alias("get-progress"), AlwaysInterleave]
    Task<ImprovementProgress?> GetProgressAsync();

    /// <summary>
    /// The newest <paramref name="limit"/> attempts on the tool (at most 100), newest first; empty for a tool with
    /// none or for no tool. It reads the store only, so it interleaves with a running attempt, which it lists as in progress.
    /// </summary>
    [Alias("list-attempts"), AlwaysInterleave]
    Task<IReadOnlyList<ImprovementAttemptSummary>> ListAttemptsAsync(int limit, CancellationToken cancellationToken = default);
}
