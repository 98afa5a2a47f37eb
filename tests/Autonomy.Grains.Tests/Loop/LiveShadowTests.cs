using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Loop;

/// <summary>Live shadow: sampled real calls also run the candidate, off the callers' path; agreement deploys it.</summary>
public sealed class LiveShadowTests(LiveShadowClusterFixture fixture) : IClassFixture<LiveShadowClusterFixture>
{
    private IToolGrain Tool(string name) => fixture.Client.GetGrain<IToolGrain>(name);

    [Fact]
    public async Task ShadowAsync_CandidateAgreesOnLiveTraffic_IsDeployedAfterTheTargetAndStoredAsLive()
    {
        var name = ToolDriver.NewName("e2e_shadow");
        var tool = Tool(name);
        Assert.True((await tool.RegisterVersionAsync(ToolSources.Threshold(name, failAbove: null), "human", "v1")).Accepted);
        Assert.True((await tool.DeployAsync(1)).Succeeded);
        Assert.True((await tool.RegisterVersionAsync(ToolSources.Threshold(name, failAbove: 5_000), "autonomous", "candidate")).Accepted);

        var started = await tool.StartShadowAsync(2, 1, null);

        Assert.True(started.Succeeded, started.Message);
        Assert.Equal(2, (await tool.DescribeAsync()).Shadow!.CandidateVersion);

        // Every call answers from v1 while the candidate runs beside it on half of them.
        var replies = new List<ToolExecutionReply>();
        var worker = fixture.Client.GetGrain<IToolExecutorGrain>(0);
        var n = 0;
        var deployed = await Eventually.GetAsync(
            async () =>
            {
                for (var i = 0; i < 20; i++)
                {
                    replies.Add(await worker.ExecuteAsync(name, $$"""{"n": {{++n}}}"""));
                }

                return await tool.DescribeAsync();
            },
            d => d.ActiveVersion == 2,
            TimeSpan.FromSeconds(60));

        Assert.Null(deployed.Shadow);
        var shadowRow = Assert.Single(await fixture.Service<ITestResultStore>().ListSummaryAsync(name, 10));
        Assert.Equal((TestKind.Shadow, 1, 2, true), (shadowRow.TestType, shadowRow.BaselineVersion, shadowRow.NewVersion, shadowRow.Passed));
        Assert.True(shadowRow.PassedCases >= 50, $"{shadowRow.PassedCases} agreements");

        // v1 answered every call until the deploy (the compared calls among them), and v2 every call after it.
        var fromV1 = replies.TakeWhile(r => r.Version == 1).Count();
        Assert.All(replies.Skip(fromV1), r => Assert.Equal(2, r.Version));
        Assert.True(fromV1 >= shadowRow.PassedCases, $"{fromV1} calls answered by v1, {shadowRow.PassedCases} compared");
    }

    [Fact]
    public async Task ShadowAsync_CandidateBreaksLiveTraffic_IsNotDeployedAndTheShadowFails()
    {
        var name = ToolDriver.NewName("e2e_badshadow");
        var tool = Tool(name);
        Assert.True((await tool.RegisterVersionAsync(ToolSources.Threshold(name, failAbove: null), "human", "v1")).Accepted);
        Assert.True((await tool.DeployAsync(1)).Succeeded);
        Assert.True((await tool.RegisterVersionAsync(ToolSources.Threshold(name, failAbove: 10), "autonomous", "candidate")).Accepted);
        Assert.True((await tool.StartShadowAsync(2, 1, null)).Succeeded);

        var worker = fixture.Client.GetGrain<IToolExecutorGrain>(0);
        var n = 0;
        var ended = await Eventually.GetAsync(
            async () =>
            {
                for (var i = 0; i < 20; i++)
                {
                    var reply = await worker.ExecuteAsync(name, $$"""{"n": {{++n}}}""");
                    Assert.Equal((1, Autonomy.Abstractions.Execution.ExecutionOutcome.Success), (reply.Version, reply.Result.Outcome));
                }

                return await tool.DescribeAsync();
            },
            d => d.Shadow is null,
            TimeSpan.FromSeconds(60));

        Assert.Equal(1, ended.ActiveVersion);
        var shadowRow = Assert.Single(await fixture.Service<ITestResultStore>().ListSummaryAsync(name, 10));
        Assert.False(shadowRow.Passed);
    }
}
