using Autonomy.Abstractions.Grains;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Improvement;

/// <summary>
/// Never deploy on no evidence: a fix no testing strategy can verify (no schema, no examples, too little history)
/// waits for a person, is listed across tools, and is deployed by an approval, once.
/// </summary>
public sealed class ApprovalTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IApprovalGrain Approvals => fixture.Client.GetGrain<IApprovalGrain>(0);

    [Fact]
    public async Task ImproveAsync_NoApplicableStrategy_WaitsForApprovalThenApproveDeploysOnce()
    {
        var name = ToolDriver.NewName("approval");
        var tool = fixture.Client.GetGrain<IToolGrain>(name);
        Assert.True((await tool.RegisterVersionAsync(ToolSources.Threshold(name, failAbove: 2), "human", "v1")).Accepted);
        Assert.True((await tool.DeployAsync(1)).Succeeded);
        Assert.Equal(6, await ToolDriver.RunAsync(fixture.Client, name, ["""{"n": 3}""", """{"n": 4}""", """{"n": 5}""", """{"n": 3}""", """{"n": 4}""", """{"n": 5}"""]));
        await fixture.FlushExecutionLogsAsync();

        var reply = await fixture.Client.GetGrain<IImprovementGrain>(name).ImproveAsync();

        Assert.True(reply.Outcome == ImprovementOutcome.AwaitingApproval, reply.Message);
        var attempt = reply.Attempt!;
        Assert.Equal((ImprovementAttemptStatus.AwaitingApproval, (int?)2, (DateTimeOffset?)null), (attempt.Status, attempt.CandidateVersion, attempt.CompletedAt));
        Assert.StartsWith("no testing strategy applies", attempt.Error, StringComparison.Ordinal);
        Assert.Contains("only 3 distinct recorded inputs", attempt.Error, StringComparison.Ordinal);
        var before = await tool.DescribeAsync();
        Assert.Equal((1, 2), (before.ActiveVersion, before.Versions.Count));
        Assert.Contains(await Approvals.ListAwaitingAsync(100), a => a.Id == attempt.Id && a.ToolName == name);

        var approved = await Approvals.ApproveAsync(attempt.Id, "a tester");

        Assert.True(approved.Outcome == ImprovementOutcome.Deployed, approved.Message);
        Assert.Equal($"v2 is deployed on a tester's approval", approved.Message);
        Assert.Equal((ImprovementAttemptStatus.Deployed, (int?)2), (approved.Attempt!.Status, approved.ActiveVersion));
        Assert.Equal(2, (await tool.DescribeAsync()).ActiveVersion);
        Assert.DoesNotContain(await Approvals.ListAwaitingAsync(100), a => a.Id == attempt.Id);

        var twice = await Approvals.ApproveAsync(attempt.Id, "a tester");
        Assert.Equal(ImprovementOutcome.DeployRefused, twice.Outcome);
        Assert.Equal($"attempt {attempt.Id} is Deployed, not awaiting approval", twice.Message);
    }

    [Fact]
    public async Task ApproveAsync_UnknownAttempt_SaysSo()
    {
        var reply = await Approvals.ApproveAsync(long.MaxValue, "a tester");

        Assert.Equal((ImprovementOutcome.UnknownTool, (ImprovementAttemptSummary?)null), (reply.Outcome, reply.Attempt));
        Assert.StartsWith($"there is no improvement attempt {long.MaxValue}", reply.Message, StringComparison.Ordinal);
    }
}
