namespace Autonomy.RepairBenchmark.Running;

/// <summary>What the repair engine did with one defect.</summary>
/// <param name="Id">The defect.</param>
/// <param name="Class">Its class.</param>
/// <param name="Plausible">Whether a patch passing every given case (the held-back ones included) was accepted.</param>
/// <param name="Correct">Whether the accepted patch also behaves as the reference on every hidden input.</param>
/// <param name="Regressions">Given inputs the defective tool got right (kept outputs) and the accepted patch gets wrong: must be 0.</param>
/// <param name="HiddenRegressions">Hidden inputs the defective tool got right and the accepted patch gets wrong: the harm of an overfitted patch.</param>
/// <param name="HiddenPassed">Hidden inputs on which the accepted patch behaves as the reference.</param>
/// <param name="HiddenTotal">Hidden inputs.</param>
/// <param name="Elapsed">Time of the repair attempt.</param>
/// <param name="TimeToFirstPlausible">Time to the first candidate that passed the given cases, or null.</param>
/// <param name="CandidatesTried">Candidates evaluated.</param>
/// <param name="Generator">The generator of the accepted patch, or null.</param>
/// <param name="Verdict">The engine's verdict.</param>
/// <param name="Diff">The accepted patch as a unified diff, or null.</param>
public sealed record DefectOutcome(
    string Id,
    string Class,
    bool Plausible,
    bool Correct,
    int Regressions,
    int HiddenRegressions,
    int HiddenPassed,
    int HiddenTotal,
    TimeSpan Elapsed,
    TimeSpan? TimeToFirstPlausible,
    int CandidatesTried,
    string? Generator,
    string Verdict,
    string? Diff);
