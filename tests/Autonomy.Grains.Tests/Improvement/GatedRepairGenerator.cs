using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Autonomy.Core.Repair;

namespace Autonomy.Grains.Tests.Improvement;

/// <summary>
/// A generator that the engine tries first and that proposes nothing. For a tool a test has gated, it reports
/// progress, says it has started, and holds the attempt until the test opens the gate, so the test can read the
/// progress of an attempt that is surely running.
/// </summary>
public sealed class GatedRepairGenerator : IRepairGenerator
{
    public const string GeneratorName = "gate";

    private readonly ConcurrentDictionary<string, Gate> _gates = new(StringComparer.Ordinal);

    public string Name => GeneratorName;

    /// <summary>Holds the next attempt on <paramref name="toolName"/> until <see cref="Gate.Open"/>.</summary>
    public Gate Close(string toolName) => _gates.GetOrAdd(toolName, _ => new Gate());

    public async IAsyncEnumerable<RepairCandidate> GenerateAsync(RepairProblem problem, RepairContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (_gates.TryGetValue(problem.ToolName, out var gate))
        {
            context.Progress?.Report(new RepairProgress(GeneratorName, "held by the test", 0, 0, TimeSpan.Zero));
            gate.Entered.TrySetResult();
            await gate.Opened.Task.WaitAsync(cancellationToken);
        }

        yield break;
    }

    public sealed class Gate
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Opened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Open() => Opened.TrySetResult();
    }
}
