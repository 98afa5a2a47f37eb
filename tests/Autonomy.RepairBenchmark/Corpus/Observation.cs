using Autonomy.Abstractions.Execution;
using Autonomy.Core.Execution;

namespace Autonomy.RepairBenchmark.Corpus;

/// <summary>What the reference and the defective tool do with one input.</summary>
/// <param name="Input">The input, as compact JSON.</param>
/// <param name="Reference">The reference tool's result: the oracle.</param>
/// <param name="Defective">The defective tool's result.</param>
public sealed record Observation(string Input, ExecutionResult Reference, ExecutionResult Defective)
{
    /// <summary>Whether the defective tool already behaves as the reference on this input.</summary>
    public bool DefectiveIsCorrect => SameBehaviour(Reference, Defective);

    /// <summary>Whether <paramref name="actual"/> behaves as <paramref name="expected"/>: same outcome and, for a success, the same output as JSON.</summary>
    public static bool SameBehaviour(ExecutionResult expected, ExecutionResult actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(actual);
        return expected.Outcome == actual.Outcome
            && (expected.Outcome != ExecutionOutcome.Success || ExampleRunner.JsonEquals(expected.Output, actual.Output));
    }
}
