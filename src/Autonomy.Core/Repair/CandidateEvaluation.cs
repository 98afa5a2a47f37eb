using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Tools;

namespace Autonomy.Core.Repair;

/// <summary>How a candidate source did: whether it compiled (and passed the policy), and its result on each case run.</summary>
/// <param name="Compiled">Whether it compiled and passed the policy.</param>
/// <param name="Diagnostics">The compiler's and the policy's errors when it did not.</param>
/// <param name="Results">The cases run, in the order given (fewer than given when the evaluation stopped at a failure).</param>
/// <param name="CasesGiven">How many cases were asked for.</param>
public sealed record CandidateEvaluation(bool Compiled, IReadOnlyList<ToolDiagnostic> Diagnostics, IReadOnlyList<CaseResult> Results, int CasesGiven)
{
    /// <summary>Cases passed.</summary>
    public int Passed => Results.Count(r => r.Passed);

    /// <summary>Whether it compiled and passed every case given.</summary>
    public bool Plausible => Compiled && Results.Count == CasesGiven && Results.All(r => r.Passed);

    /// <summary>Previously failing cases that now really succeed (not just refuse as invalid input).</summary>
    public int FixedWithSuccess => Results.Count(r => r.Passed && r.Case.IsFailing && r.Outcome == ExecutionOutcome.Success);

    /// <summary>Previously correct outputs that changed: a candidate with any is never accepted.</summary>
    public int Regressions => Results.Count(r => !r.Passed && r.Case.Expectation == RepairExpectation.Keep);
}
