using Autonomy.Abstractions.Grains;

namespace Autonomy.Benchmarks.Cluster;

/// <summary>
/// The baseline of the cluster benchmark, a raw Orleans call that returns its argument, and two variants that add
/// one part of the tool path each, to show where a tool execution's cost goes.
/// </summary>
[Alias("autonomy.benchmarks.echo")]
public interface IEchoGrain : IGrainWithIntegerKey
{
    /// <summary>Returns <paramref name="input"/>.</summary>
    [Alias("echo")]
    Task<string> EchoAsync(string input);

    /// <summary>Returns <paramref name="input"/> inside a <see cref="ToolExecutionReply"/> shaped like a real one.</summary>
    [Alias("echo-as-reply")]
    Task<ToolExecutionReply> EchoAsReplyAsync(string input);

    /// <summary>Returns <paramref name="input"/> after a hop to the thread pool and back, as the executor makes one.</summary>
    [Alias("echo-after-hop")]
    Task<string> EchoAfterHopAsync(string input);

    /// <summary>Returns the input, with the executor's signature: a tool name and a cancellation token beside it.</summary>
    [Alias("echo-with-token")]
    Task<string> EchoWithTokenAsync(string toolName, string input, CancellationToken cancellationToken = default);
}
