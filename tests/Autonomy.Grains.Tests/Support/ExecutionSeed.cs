using Autonomy.Abstractions.Execution;
using Autonomy.Core.Storage;

namespace Autonomy.Grains.Tests.Support;

/// <summary>Writes executions of a tool straight into the execution log (and so its rollups), with no tool grain involved.</summary>
internal static class ExecutionSeed
{
    /// <summary>Records the executions, started now, or at <paramref name="at"/> (to place them in an earlier rollup hour).</summary>
    public static async Task RecordAsync(ClusterFixture fixture, string toolName, int successes, int failures, int invalidInputs = 0, DateTimeOffset? at = null)
    {
        var writer = fixture.Service<ExecutionLogWriter>();
        var outcomes = Enumerable.Repeat(ExecutionOutcome.Success, successes)
            .Concat(Enumerable.Repeat(ExecutionOutcome.ToolError, failures))
            .Concat(Enumerable.Repeat(ExecutionOutcome.InvalidInput, invalidInputs));
        foreach (var outcome in outcomes)
        {
            var now = at ?? TimeProvider.System.GetUtcNow();
            var result = new ExecutionResult(
                outcome,
                outcome == ExecutionOutcome.Success ? "{}" : null,
                outcome == ExecutionOutcome.Success ? null : "seeded failure",
                null,
                ExceededBudget.None,
                TimeSpan.FromMilliseconds(1),
                0,
                0,
                [],
                0);
            await writer.RecordAsync(ExecutionRecord.FromResult(Guid.CreateVersion7(now), toolName, 1, now, "{}", result, TimeProvider.System));
        }

        await fixture.FlushExecutionLogsAsync();
    }
}
