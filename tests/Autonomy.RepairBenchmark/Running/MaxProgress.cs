using Autonomy.Core.Repair;

namespace Autonomy.RepairBenchmark.Running;

/// <summary>
/// Keeps the highest candidate count a repair reported, synchronously (a generator that evaluates mutants inside
/// one schema assembly reports more candidates than it yields to the engine).
/// </summary>
public sealed class MaxProgress : IProgress<RepairProgress>
{
    private int _candidates;

    /// <summary>The most candidates reported.</summary>
    public int Candidates => Volatile.Read(ref _candidates);

    /// <inheritdoc />
    public void Report(RepairProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int seen;
        do
        {
            seen = Volatile.Read(ref _candidates);
        }
        while (value.CandidatesTried > seen && Interlocked.CompareExchange(ref _candidates, value.CandidatesTried, seen) != seen);
    }
}
