namespace Autonomy.Abstractions.Grains;

/// <summary>Where a stored improvement attempt stands.</summary>
public enum ImprovementAttemptStatus
{
    /// <summary>Searching, or a candidate was found and is being deployed.</summary>
    InProgress = 0,

    /// <summary>Its candidate became a version and was deployed.</summary>
    Deployed = 1,

    /// <summary>Its candidate was not deployed; the error says why.</summary>
    Rejected = 2,

    /// <summary>No candidate passed every case, or the attempt failed.</summary>
    Failed = 3,

    /// <summary>The candidate is registered but unverified: it waits for a person's approval.</summary>
    AwaitingApproval = 4,
}
