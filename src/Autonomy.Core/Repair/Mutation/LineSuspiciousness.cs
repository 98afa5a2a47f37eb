namespace Autonomy.Core.Repair.Mutation;

/// <summary>How suspicious one source line is after spectrum-based fault localisation.</summary>
/// <param name="Line">The 1-based line.</param>
/// <param name="Score">The Ochiai score, from 0 (never run by a failing case) to 1 (run by every failing case and no passing one).</param>
/// <param name="FailedRuns">Failing runs that executed the line.</param>
/// <param name="PassedRuns">Passing runs that executed the line.</param>
public sealed record LineSuspiciousness(int Line, double Score, int FailedRuns, int PassedRuns);
