namespace Autonomy.Core.Verification;

/// <summary>The ways a candidate version is tested before it may be deployed (DESIGN.md section 5, step 5).</summary>
public enum TestingStrategy
{
    /// <summary>Recorded inputs against the candidate, judged by the oracle.</summary>
    Replay,

    /// <summary>Old and new side by side on the same inputs; outputs compared, noise learnt by running the old twice.</summary>
    Shadow,

    /// <summary>The declared examples and inputs generated from the input schema.</summary>
    Synthetic,
}
