using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Orleans.Concurrency;

namespace Autonomy.Benchmarks.Cluster;

/// <summary>
/// A stateless worker, like <c>ToolExecutorGrain</c>, so the baseline pays the same placement and messaging: the
/// difference between the two is the tool path itself (active-version lookup, sandboxed execution, execution log).
/// </summary>
[StatelessWorker]
public sealed class EchoGrain : Grain, IEchoGrain
{
    /// <inheritdoc />
    public Task<string> EchoAsync(string input) => Task.FromResult(input);

    /// <inheritdoc />
    public Task<ToolExecutionReply> EchoAsReplyAsync(string input) =>
        Task.FromResult(new ToolExecutionReply(
            Guid.CreateVersion7(),
            1,
            new ExecutionResult(ExecutionOutcome.Success, input, null, null, ExceededBudget.None, TimeSpan.FromMicroseconds(5), 1, 600, [], 0)));

    /// <inheritdoc />
    public async Task<string> EchoAfterHopAsync(string input) => await Task.Run(() => input);

    /// <inheritdoc />
    public Task<string> EchoWithTokenAsync(string toolName, string input, CancellationToken cancellationToken = default) => Task.FromResult(input);
}
