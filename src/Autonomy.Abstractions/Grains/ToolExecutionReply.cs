using Autonomy.Abstractions.Execution;

namespace Autonomy.Abstractions.Grains;

/// <summary>The answer to an execution request.</summary>
/// <param name="ExecutionId">The execution's id, for feedback; <see cref="Guid.Empty"/> when the tool did not run.</param>
/// <param name="Version">The version that ran (0 when none did).</param>
/// <param name="Result">The result. When the tool did not run, its outcome is <see cref="ExecutionOutcome.InvalidInput"/> with a message.</param>
/// <param name="Status">Whether the tool ran, and if not, why.</param>
[GenerateSerializer, Immutable, Alias("autonomy.tool-execution-reply")]
public sealed record ToolExecutionReply(
    [property: Id(0)] Guid ExecutionId,
    [property: Id(1)] int Version,
    [property: Id(2)] ExecutionResult Result,
    [property: Id(3)] ToolExecutionStatus Status = ToolExecutionStatus.Executed);
