namespace Autonomy.Core.Verification;

/// <summary>How the candidate's run of one input compares with the old version's run of it.</summary>
public enum ShadowPairClass
{
    /// <summary>Both succeeded with the same output beyond noise, or both rejected the input as invalid. Agreement.</summary>
    Agree = 0,

    /// <summary>Both succeeded with outputs that differ beyond noise, or the candidate accepted an input the old version rejected. A mismatch.</summary>
    Disagree = 1,

    /// <summary>The old version succeeded or rejected the input; the candidate failed, or rejected an input the old version served. A mismatch.</summary>
    CandidateBreaks = 2,

    /// <summary>The old version failed; the candidate succeeded or rejected the input as invalid. Not judged by shadowing.</summary>
    CandidateFixes = 3,

    /// <summary>Both failed with the same outcome, exception type and budget. Agreement.</summary>
    BothFailSame = 4,

    /// <summary>Both failed, but differently. A mismatch.</summary>
    BothFailDifferently = 5,

    /// <summary>The outputs cannot be judged because the old version's own output is noise as a whole. Not counted.</summary>
    Noisy = 6,
}
