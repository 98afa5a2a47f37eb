namespace Autonomy.Core.Repair;

/// <summary>Progress of a repair attempt, for a person watching (<c>autonomy improve</c>).</summary>
/// <param name="Generator">The generator at work.</param>
/// <param name="Stage">What it is doing ("localising faults", "single edits", "pairs", "evaluating").</param>
/// <param name="CandidatesTried">Candidates evaluated so far in the attempt (all generators).</param>
/// <param name="PlausibleFound">Candidates so far that passed every given case.</param>
/// <param name="Elapsed">Time since the attempt started.</param>
public sealed record RepairProgress(string Generator, string Stage, int CandidatesTried, int PlausibleFound, TimeSpan Elapsed);
