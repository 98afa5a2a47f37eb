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
}
