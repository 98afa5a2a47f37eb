namespace Autonomy.Abstractions.Grains;

/// <summary>What a request to improve a tool came to.</summary>
public enum ImprovementOutcome
{
    /// <summary>A fix was found, registered as an autonomous version and deployed.</summary>
    Deployed = 0,

    /// <summary>The attempt ran and found no candidate that passes every case; nothing changed.</summary>
    NoFix = 1,

    /// <summary>A fix was found, but the tool's grain rejected its source; nothing changed.</summary>
    CandidateRejected = 2,

    /// <summary>
    /// A fix was found (and may be registered), but it was not deployed: the tool was pinned or archived, or its
    /// active version changed, while the attempt ran.
    /// </summary>
    DeployRefused = 3,

    /// <summary>No tool has this name; no attempt.</summary>
    UnknownTool = 4,

    /// <summary>The tool has no active version to improve; no attempt.</summary>
    NotDeployed = 5,

    /// <summary>The tool is archived; no attempt.</summary>
    Archived = 6,

    /// <summary>The tool is pinned, and the loop never changes a pinned version; no attempt.</summary>
    Pinned = 7,

    /// <summary>A candidate was found and registered, but an applicable testing strategy failed it; it was not deployed.</summary>
    VerificationFailed = 8,

    /// <summary>A candidate was found and registered, but no testing strategy applied: it waits for <c>autonomy approve</c>.</summary>
    AwaitingApproval = 9,

    /// <summary>A candidate passed offline verification and is in live shadow; the tool's grain deploys it if it agrees with real traffic.</summary>
    InShadow = 10,

    /// <summary>The loop may not change the tool now: it is cooling down after an automatic rollback.</summary>
    CoolingDown = 11,
}
