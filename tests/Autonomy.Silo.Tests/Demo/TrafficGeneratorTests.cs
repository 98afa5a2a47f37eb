using System.Globalization;
using System.Text.Json.Nodes;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Silo.Demo;
using Autonomy.Silo.Tests.Cluster;
using Autonomy.Silo.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Autonomy.Silo.Tests.Demo;

/// <summary>The demo's traffic generator in the real embedded host, on a fresh data folder per test.</summary>
public sealed class TrafficGeneratorTests
{
    [Fact]
    public async Task Traffic_OneWrongOutputAmongRightOnes_RecordsExecutionsAndReportsOnlyTheWrongOneWithItsExpectedOutput()
    {
        using var directory = new TempDirectory();
        var trafficFile = Path.Combine(directory.Path, "traffic.json");
        Directory.CreateDirectory(directory.Path);
        await File.WriteAllTextAsync(trafficFile, """
            {"tools": {
              "slugify": {"inputs": [{"input": {"text": "Hello, World!"}, "expected": {"slug": "hello_world"}}]},
              "roman_numerals": {"inputs": [{"input": {"roman": "MCMXCIV"}, "expected": {"roman": "MCMXCIV", "number": 1994}}]}
            }}
            """);
        await using var host = await TestSiloHost.StartAsync(
            directory.DatabasePath, DemoArguments(trafficFile, callsPerSecond: 50, badDeployAfterSeconds: 0));
        var feedback = host.Services.GetRequiredService<IFeedbackStore>();
        var statistics = host.Services.GetRequiredService<TrafficStatistics>();

        var traffic = await Eventually.ProbeAsync(() => Task.FromResult(statistics.Snapshot()), s => s.Calls >= 20 && s.Feedback >= 1);
        var wrong = await feedback.ListAsync("slugify", 1, 10);

        Assert.True(traffic.Calls >= 20, $"{traffic.Calls} calls");
        Assert.Equal((traffic.Calls, 0L, 0L, 0L), (traffic.Succeeded, traffic.Failed, traffic.NotRun, traffic.CallErrors));
        Assert.NotEmpty(wrong);
        var first = wrong[^1];
        Assert.Equal(("slugify", 1, false), (first.ToolName, first.Version, first.Correct));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"slug": "hello_world"}"""), JsonNode.Parse(first.ExpectedOutput!)), first.ExpectedOutput);
        Assert.Empty(await feedback.ListAsync("roman_numerals", null, 10));
        Assert.Equal(1, await Eventually.ProbeAsync(() => TestSiloHost.CountExecutionsAsync(directory.DatabasePath, first.ExecutionId), n => n == 1));
        await host.StopAsync();
    }

    [Fact]
    public async Task BadDeploy_AfterOneSecond_DeploysTheBadSlugifyAsAHumanVersionThatFailsOnTraffic()
    {
        using var directory = new TempDirectory();
        await using var host = await TestSiloHost.StartAsync(
            directory.DatabasePath, DemoArguments(DemoFiles.TrafficFile, callsPerSecond: 40, badDeployAfterSeconds: 1));
        var slugify = host.Grains.GetGrain<IToolGrain>("slugify");
        var statistics = host.Services.GetRequiredService<TrafficStatistics>();

        var description = await Eventually.ProbeAsync(slugify.DescribeAsync, d => d.ActiveVersion == 2);
        var traffic = await Eventually.ProbeAsync(
            () => Task.FromResult(statistics.Snapshot()), s => s.FailuresByTool.GetValueOrDefault("slugify") >= 3);
        var feedback = await Eventually.ProbeAsync(
            () => host.Services.GetRequiredService<IFeedbackStore>().ListAsync("slugify", 2, 10), f => f.Count > 0);

        Assert.Equal(2, description.ActiveVersion);
        var bad = description.Versions[^1];
        Assert.Equal((2, "human", BadDeployer.Reason), (bad.Version, bad.Author, bad.Reason));
        Assert.Equal(("deploy", (int?)1, 2), (description.Deployments[^1].Kind, description.Deployments[^1].FromVersion, description.Deployments[^1].ToVersion));
        Assert.True(traffic.FailuresByTool.GetValueOrDefault("slugify") >= 3, $"{traffic.FailuresByTool.GetValueOrDefault("slugify")} slugify failures");
        Assert.All(feedback, f => Assert.False(f.Correct));
        Assert.NotEmpty(feedback);
        await host.StopAsync();
    }

    private static string[] DemoArguments(string trafficFile, double callsPerSecond, int badDeployAfterSeconds) =>
    [
        "--Autonomy:Demo:Enabled=true",
        $"--Autonomy:Demo:TrafficFile={trafficFile}",
        string.Create(CultureInfo.InvariantCulture, $"--Autonomy:Demo:CallsPerSecond={callsPerSecond}"),
        string.Create(CultureInfo.InvariantCulture, $"--Autonomy:Demo:BadDeployAfterSeconds={badDeployAfterSeconds}"),
        "--Autonomy:Demo:ReportProgress=false",
    ];
}
