using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests;

/// <summary>Two silos on one SQLite file: stopping one mid-traffic leaves the tools answering with their versions.</summary>
public sealed class TwoSiloTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    [Fact]
    public async Task StopSiloAsync_MidTraffic_ToolsKeepAnsweringWithTheirVersions()
    {
        var client = fixture.Client;
        var names = Enumerable.Range(0, 6).Select(i => $"two_{i}_{Guid.NewGuid():N}"[..16]).ToList();
        foreach (var name in names)
        {
            var tool = client.GetGrain<IToolGrain>(name);
            Assert.True((await tool.RegisterVersionAsync(ToolSources.Echo(name, 1), "human", "v1")).Accepted);
            Assert.True((await tool.RegisterVersionAsync(ToolSources.Echo(name, 2), "human", "v2")).Accepted);
            Assert.True((await tool.DeployAsync(1)).Succeeded);
            Assert.True((await tool.DeployAsync(2)).Succeeded);
        }

        // At least one tool's grain must live on the silo that stops, so that it is reactivated from shared storage.
        var stopping = fixture.Cluster.Silos[1].SiloAddress;
        var first = client.GetGrain<IToolGrain>(names[0]);
        if (!names.Any(name => HostedOn(client.GetGrain<IToolGrain>(name), stopping)))
        {
            await fixture.Cluster.MigrateAsync(first, stopping);
        }

        Assert.Contains(names, name => HostedOn(client.GetGrain<IToolGrain>(name), stopping));

        using var stop = new CancellationTokenSource();
        var answered = 0;
        var traffic = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                try
                {
                    var reply = await client.GetGrain<IToolExecutorGrain>(0).ExecuteAsync(names[i % names.Count], """{"n": 1}""");
                    if (reply.Result.Outcome == ExecutionOutcome.Success)
                    {
                        Interlocked.Increment(ref answered);
                    }
                }
#pragma warning disable CA1031 // Calls in flight on the stopping silo may fail; the test asserts on what follows.
                catch (Exception)
#pragma warning restore CA1031
                {
                }
            }
        });

        // Traffic is flowing on both silos' workers before one silo stops, and keeps flowing while it stops.
        await Eventually.GetAsync(() => Task.FromResult(Volatile.Read(ref answered)), count => count >= 30);
        await fixture.Cluster.StopSiloAsync(fixture.Cluster.Silos[1]);
        var afterStop = Volatile.Read(ref answered);
        await Eventually.GetAsync(() => Task.FromResult(Volatile.Read(ref answered)), count => count >= afterStop + 30);
        await stop.CancelAsync();
        await traffic;

        Assert.Single(fixture.Cluster.Silos);
        foreach (var name in names)
        {
            var reply = await client.GetGrain<IToolExecutorGrain>(0).ExecuteAsync(name, """{"n": 5}""");
            Assert.Equal((ToolExecutionStatus.Executed, ExecutionOutcome.Success, 2), (reply.Status, reply.Result.Outcome, reply.Version));
            Assert.Contains("\"mark\":2", reply.Result.Output, StringComparison.Ordinal);
            var description = await client.GetGrain<IToolGrain>(name).DescribeAsync();
            Assert.Equal([1, 2], description.Versions.Select(v => v.Version));
            Assert.Equal(2, description.ActiveVersion);
            Assert.Equal(1, description.PreviousVersion);
        }
    }

    private bool HostedOn(IToolGrain grain, SiloAddress silo) =>
        fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out var context) && silo.Equals(context!.Address.SiloAddress);
}
