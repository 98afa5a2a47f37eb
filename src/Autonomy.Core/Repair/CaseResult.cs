using Autonomy.Abstractions.Execution;

namespace Autonomy.Core.Repair;

/// <summary>How a candidate did on one case.</summary>
/// <param name="Case">The case.</param>
/// <param name="Passed">Whether the candidate met the case's expectation.</param>
/// <param name="Outcome">The candidate's outcome.</param>
/// <param name="Output">The candidate's output, if any.</param>
/// <param name="Message">The outcome's message, if any.</param>
public sealed record CaseResult(RepairCase Case, bool Passed, ExecutionOutcome Outcome, string? Output, string? Message);
