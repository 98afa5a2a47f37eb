using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;

namespace Autonomy.Grains.Tests.Support;

/// <summary>Registers, deploys and runs the echo tools of <see cref="ToolSources"/> through the cluster.</summary>
internal static class ToolDriver
{
    public static string NewName(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..(prefix.Length + 13)];

    public static async Task RegisterAsync(IClusterClient client, string name, int version, bool failing, bool deploy)
    {
        var tool = client.GetGrain<IToolGrain>(name);
        var registered = await tool.RegisterVersionAsync(ToolSources.Echo(name, version, failing), "human", $"v{version}");
        Assert.True(registered.Accepted, string.Join("; ", registered.Diagnostics));
        Assert.Equal(version, registered.Version);
        if (deploy)
        {
            var deployed = await tool.DeployAsync(version);
            Assert.True(deployed.Succeeded, deployed.Message);
        }
    }

    /// <summary>Runs 20 executions on the active version and waits until the tool's grain has their metrics.</summary>
    public static async Task DriveAsync(IClusterClient client, string name, int expectedVersion)
    {
        var worker = client.GetGrain<IToolExecutorGrain>(0);
        for (var n = 1; n <= 20; n++)
        {
            var reply = await worker.ExecuteAsync(name, $$"""{"n": {{n}}}""");
            Assert.Equal((ToolExecutionStatus.Executed, expectedVersion), (reply.Status, reply.Version));
        }

        await Eventually.GetAsync(
            () => client.GetGrain<IToolGrain>(name).DescribeAsync(),
            d => d.CurrentWindow.FirstOrDefault(w => w.Version == expectedVersion)?.Judged == 20);
    }

    /// <summary>Registers and deploys the sample <c>parse_date</c> under <paramref name="name"/> as version 1.</summary>
    public static async Task RegisterParseDateAsync(IClusterClient client, string name)
    {
        var tool = client.GetGrain<IToolGrain>(name);
        var registered = await tool.RegisterVersionAsync(ToolSources.ParseDateNamed(name), "human", "sample");
        Assert.True(registered.Accepted, string.Join("; ", registered.Diagnostics));
        var deployed = await tool.DeployAsync(registered.Version!.Value);
        Assert.True(deployed.Succeeded, deployed.Message);
    }

    /// <summary>Runs each input once through the execution workers and returns how many failed (counted against the tool).</summary>
    public static async Task<int> RunAsync(IClusterClient client, string name, IEnumerable<string> inputs)
    {
        var worker = client.GetGrain<IToolExecutorGrain>(0);
        var failures = 0;
        foreach (var input in inputs)
        {
            var reply = await worker.ExecuteAsync(name, input);
            Assert.Equal(ToolExecutionStatus.Executed, reply.Status);
            failures += reply.Result.Outcome == ExecutionOutcome.Success ? 0 : 1;
        }

        return failures;
    }
}
