namespace Autonomy.Core.Repair;

/// <summary>What a repair attempt found.</summary>
/// <param name="Accepted">The chosen candidate, or null when none passed every given and held-back case.</param>
/// <param name="Evaluation">The chosen candidate's evaluation on every case (given and held back), or null.</param>
/// <param name="Diff">The unified diff from the base version to the chosen candidate, or null.</param>
/// <param name="CandidatesTried">Candidates evaluated, all generators.</param>
/// <param name="PlausibleFound">Candidates that passed every given case.</param>
/// <param name="RejectedByValidation">Plausible candidates that failed a held-back case (overfitted).</param>
/// <param name="Elapsed">Time the attempt took.</param>
/// <param name="TimeToFirstPlausible">Time to the first plausible candidate, or null.</param>
/// <param name="Generators">Per generator: candidates tried and plausible found.</param>
/// <param name="Verdict">The attempt's verdict in words ("fixed by fix-template: …", "no plausible candidate in 20000 tried").</param>
/// <param name="CasesDropped">Cases dropped before searching because the base version did not behave as recorded (nondeterminism), in words.</param>
public sealed record RepairResult(
    RepairCandidate? Accepted,
    CandidateEvaluation? Evaluation,
    string? Diff,
    int CandidatesTried,
    int PlausibleFound,
    int RejectedByValidation,
    TimeSpan Elapsed,
    TimeSpan? TimeToFirstPlausible,
    IReadOnlyList<GeneratorStatistics> Generators,
    string Verdict,
    IReadOnlyList<string> CasesDropped);

/// <summary>What one generator did in an attempt.</summary>
/// <param name="Generator">Its name.</param>
/// <param name="CandidatesTried">Candidates it yielded that were evaluated.</param>
/// <param name="PlausibleFound">Of which passed every given case.</param>
/// <param name="Elapsed">Time spent in it.</param>
public sealed record GeneratorStatistics(string Generator, int CandidatesTried, int PlausibleFound, TimeSpan Elapsed);
