using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Loop;

/// <summary>
/// The loop end to end on a TestingHost cluster, reminders on a fake clock: a defective tool is investigated, fixed,
/// verified, deployed and recovers; a candidate that passes verification but breaks live traffic is rolled back by
/// the five-minute health check and the loop may not redeploy it; a healthy tool under noisy traffic is never rolled
/// back; a pinned tool is left alone.
/// </summary>
public sealed class LoopEndToEndTests(LoopClusterFixture fixture) : IClassFixture<LoopClusterFixture>
{
    private static readonly TimeSpan s_pastOnePeriod = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);

    private ILoopCoordinatorGrain Coordinator => fixture.Client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey);

    private IToolGrain Tool(string name) => fixture.Client.GetGrain<IToolGrain>(name);

    [Fact]
    public async Task Loop_DefectiveParseDate_IsFixedVerifiedDeployedAndRecovers()
    {
        var name = ToolDriver.NewName("e2e_parse");
        await ToolDriver.RegisterParseDateAsync(fixture.Client, name);
        var failing = await ToolDriver.RunAsync(fixture.Client, name, [.. ToolSources.ParseDateDayFirstInputs, .. ToolSources.ParseDateGoodInputs]);
        Assert.Equal(ToolSources.ParseDateDayFirstInputs.Count, failing);
        await fixture.FlushExecutionLogsAsync();

        var scan = await Coordinator.RunScanNowAsync();

        Assert.Contains(scan.Opportunities, o => o.ToolName == name);
        var fixedTool = await Eventually.GetAsync(() => Tool(name).DescribeAsync(), d => d.ActiveVersion == 2, TimeSpan.FromSeconds(120));
        Assert.Equal(("autonomous", (int?)1), (fixedTool.Versions[^1].Author, fixedTool.PreviousVersion));
        Assert.NotNull(fixedTool.Monitoring);
        Assert.Equal((2, (int?)1), (fixedTool.Monitoring!.Version, fixedTool.Monitoring.BaselineVersion));
        Assert.Equal(0, await ToolDriver.RunAsync(fixture.Client, name, ToolSources.ParseDateDayFirstInputs));
        var attempt = Assert.Single(await fixture.Client.GetGrain<IImprovementGrain>(name).ListAttemptsAsync(10));
        Assert.Equal((ImprovementAttemptStatus.Deployed, (int?)2), (attempt.Status, attempt.CandidateVersion));
        Assert.StartsWith("verified: ", attempt.Verification, StringComparison.Ordinal);
        var summary = await fixture.Service<ITestResultStore>().ListSummaryAsync(name, 10);
        Assert.Contains(summary, s => s.TestType == TestKind.Replay && s.Passed && s.NewVersion == 2);
        var status = await Eventually.GetAsync(() => Coordinator.GetStatusAsync(), s => s.Improving is { } improving && !improving.ContainsKey(name));
        Assert.True(status.Statistics.ImprovementsDeployed >= 1);
    }

    [Fact]
    public async Task HealthCheck_VerifiedCandidateThatBreaksLiveTraffic_IsRolledBackAndNotRedeployed()
    {
        var name = ToolDriver.NewName("e2e_rollback");
        var tool = Tool(name);
        Assert.True((await tool.RegisterVersionAsync(ToolSources.Threshold(name, failAbove: null), "human", "v1")).Accepted);
        Assert.True((await tool.DeployAsync(1)).Succeeded);

        // Baseline traffic: small numbers only, all answered.
        Assert.Equal(0, await ToolDriver.RunAsync(fixture.Client, name, Numbers(1, 200)));
        await WaitForMetricsAsync(name, 1, 200);
        await fixture.FlushExecutionLogsAsync();

        // v2 agrees on everything recorded (numbers up to 200) and fails above 999, which history never saw.
        Assert.True((await tool.RegisterVersionAsync(ToolSources.Threshold(name, failAbove: 999), "autonomous", "candidate")).Accepted);
        var deployed = await tool.DeployVerifiedAsync(2, 1, null, "verified: replay 50 of 50");
        Assert.True(deployed.Succeeded, deployed.Message);

        // Live traffic moves to larger numbers: half of it fails on v2.
        var failures = await ToolDriver.RunAsync(fixture.Client, name, Numbers(900, 1100, step: 2));
        Assert.Equal(50, failures);
        await WaitForMetricsAsync(name, 2, 100);
        fixture.ReminderTime.Advance(s_pastOnePeriod);

        var rolledBack = await Eventually.GetAsync(() => tool.DescribeAsync(), d => d.ActiveVersion == 1, TimeSpan.FromSeconds(30));
        Assert.Equal("auto-rollback", rolledBack.Deployments[^1].Kind);
        Assert.NotNull(rolledBack.CooldownUntil);
        var rollback = Assert.Single(await fixture.Service<IDeploymentMonitoringStore>().ListRollbacksAsync(name, 10));
        Assert.Equal((2, 1, true), (rollback.FromVersion, rollback.ToVersion, rollback.Automatic));
        Assert.Contains("log-likelihood", rollback.Reason, StringComparison.Ordinal);

        var again = await tool.DeployVerifiedAsync(2, 1, null, "the loop tries again");
        Assert.False(again.Succeeded);
        Assert.Contains("cooling down", again.Message, StringComparison.Ordinal);
        Assert.Equal(ImprovementOutcome.CoolingDown, (await fixture.Client.GetGrain<IImprovementGrain>(name).ImproveAsync()).Outcome);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task HealthCheck_HealthyRedeployUnderNoisyTraffic_IsNeverRolledBack(int seed)
    {
        var name = ToolDriver.NewName($"e2e_noisy{seed}");
        var tool = Tool(name);
        Assert.True((await tool.RegisterVersionAsync(ToolSources.Flaky(name, mark: 1), "human", "v1")).Accepted);
        Assert.True((await tool.DeployAsync(1)).Succeeded);
        var random = new Random(seed);
        await ToolDriver.RunAsync(fixture.Client, name, RandomNumbers(random, 300));
        await WaitForMetricsAsync(name, 1, 300);
        await fixture.FlushExecutionLogsAsync();
        Assert.True((await tool.RegisterVersionAsync(ToolSources.Flaky(name, mark: 2), "autonomous", "same behaviour")).Accepted);
        Assert.True((await tool.DeployVerifiedAsync(2, 1, null, "verified")).Succeeded);

        // Ten health checks, each after 30 more executions of the same 5 % failure rate.
        for (var check = 1; check <= 10; check++)
        {
            await ToolDriver.RunAsync(fixture.Client, name, RandomNumbers(random, 30));
            await WaitForMetricsAsync(name, 2, check * 30);
            var report = await tool.CheckHealthAsync();
            Assert.False(report.Regression, $"check {check}: {report.Message}");
        }

        Assert.Equal(2, (await tool.DescribeAsync()).ActiveVersion);
        Assert.Empty(await fixture.Service<IDeploymentMonitoringStore>().ListRollbacksAsync(name, 10));
    }

    [Fact]
    public async Task Loop_PinnedFailingTool_IsLeftAlone()
    {
        var name = ToolDriver.NewName("e2e_pinned");
        await ToolDriver.RegisterAsync(fixture.Client, name, 1, failing: true, deploy: true);
        Assert.True((await Tool(name).PinAsync(1)).Succeeded);
        await ToolDriver.DriveAsync(fixture.Client, name, expectedVersion: 1);
        await fixture.FlushExecutionLogsAsync();

        var scan = await Coordinator.RunScanNowAsync();
        Assert.Contains(scan.Opportunities, o => o.ToolName == name);

        var status = await Coordinator.GetStatusAsync();
        Assert.False(status.Improving?.ContainsKey(name) ?? false);

        // The improvement grain refuses a pinned tool even when asked directly; nothing is recorded.
        Assert.Equal(ImprovementOutcome.Pinned, (await fixture.Client.GetGrain<IImprovementGrain>(name).ImproveAsync()).Outcome);
        Assert.Empty(await fixture.Client.GetGrain<IImprovementGrain>(name).ListAttemptsAsync(10));
        var description = await Tool(name).DescribeAsync();
        Assert.Equal(((int?)1, (int?)1, 1), (description.ActiveVersion, description.PinnedVersion, description.Versions.Count));
    }

    private async Task WaitForMetricsAsync(string name, int version, long judged) =>
        await Eventually.GetAsync(() => Tool(name).DescribeAsync(), d => d.CurrentWindow.FirstOrDefault(w => w.Version == version)?.Judged >= judged);

    private static IEnumerable<string> Numbers(int from, int to, int step = 1)
    {
        for (var n = from; n < to + (step == 1 ? 1 : 0); n += step)
        {
            yield return $$"""{"n": {{n}}}""";
        }
    }

    private static List<string> RandomNumbers(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => $$"""{"n": {{random.Next(1, 1_000_000)}}}""")];
}
