using System.Collections.Immutable;

namespace Autonomy.Abstractions.Execution;

/// <summary>The result of one execution of a tool.</summary>
/// <param name="Outcome">How it ended.</param>
/// <param name="Output">The output JSON, for <see cref="ExecutionOutcome.Success"/> and <see cref="ExecutionOutcome.InvalidOutput"/>.</param>
/// <param name="Message">A one-line explanation for any outcome other than success.</param>
/// <param name="Error">What the tool threw, for <see cref="ExecutionOutcome.ToolError"/>.</param>
/// <param name="Budget">Which budget ran out, for <see cref="ExecutionOutcome.BudgetExceeded"/>.</param>
/// <param name="Duration">Wall-clock time from start to outcome.</param>
/// <param name="Steps">Sandbox steps used.</param>
/// <param name="AllocatedBytes">Bytes allocated by the tool.</param>
/// <param name="Log">The lines the tool logged, in order.</param>
/// <param name="DroppedLogLines">Log lines written past the cap and not kept.</param>
[GenerateSerializer, Immutable, Alias("autonomy.execution-result")]
public sealed record ExecutionResult(
    [property: Id(0)] ExecutionOutcome Outcome,
    [property: Id(1)] string? Output,
    [property: Id(2)] string? Message,
    [property: Id(3)] ToolErrorInfo? Error,
    [property: Id(4)] ExceededBudget Budget,
    [property: Id(5)] TimeSpan Duration,
    [property: Id(6)] long Steps,
    [property: Id(7)] long AllocatedBytes,
    [property: Id(8)] ImmutableArray<LogLine> Log,
    [property: Id(9)] int DroppedLogLines)
{
    /// <summary>Whether the outcome counts against the tool (everything but success and invalid input).</summary>
    public bool CountsAsToolFailure => Outcome is not (ExecutionOutcome.Success or ExecutionOutcome.InvalidInput);
}
