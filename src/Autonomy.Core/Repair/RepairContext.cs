namespace Autonomy.Core.Repair;

/// <summary>What a generator gets from the engine besides the problem.</summary>
/// <param name="Evaluator">Compiles and runs candidates against cases.</param>
/// <param name="Options">The attempt's budgets.</param>
/// <param name="Progress">Where a long generator reports progress, or null.</param>
public sealed record RepairContext(CandidateEvaluator Evaluator, RepairOptions Options, IProgress<RepairProgress>? Progress);
