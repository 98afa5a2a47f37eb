namespace Autonomy.Core.Repair;

/// <summary>What a repair case demands of a candidate (the oracle of DESIGN.md section 4).</summary>
public enum RepairExpectation
{
    /// <summary>
    /// The input failed before and must not fail now: the candidate succeeds, or answers with a clear tool-level
    /// refusal (<c>InvalidToolInputException</c>, outcome <c>InvalidInput</c>) instead of crashing. Candidates that
    /// really succeed rank above those that refuse.
    /// </summary>
    Succeed,

    /// <summary>The candidate must succeed with this expected output (feedback's expected output, a declared example), compared as JSON.</summary>
    Match,

    /// <summary>The input succeeded before with this output, nobody reported it wrong, and the candidate must give the same output (no regression).</summary>
    Keep,
}
