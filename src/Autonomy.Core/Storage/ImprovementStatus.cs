namespace Autonomy.Core.Storage;

/// <summary>How an improvement attempt stands.</summary>
public enum ImprovementStatus
{
    /// <summary>The candidate is being generated or tested.</summary>
    InProgress = 0,

    /// <summary>The candidate passed and was deployed as a new version.</summary>
    Deployed = 1,

    /// <summary>The candidate failed its tests and was discarded.</summary>
    Rejected = 2,

    /// <summary>The attempt could not produce a candidate.</summary>
    Failed = 3,

    /// <summary>
    /// The candidate is registered but no testing strategy could verify it, so it waits for a person
    /// (<c>autonomy approve</c>). Stored as <c>in_progress</c> with <c>approval_requested_at</c> set: the attempt has not ended.
    /// </summary>
    AwaitingApproval = 4,
}
