using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests;

/// <summary>The health-check reminder, monitoring sessions and automatic rollback, on a fake reminder clock.</summary>
public sealed class HealthCheckTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly TimeSpan s_pastOnePeriod = TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1);

    private IToolGrain Tool(string name) => fixture.Client.GetGrain<IToolGrain>(name);

    private IToolExecutorGrain Worker => fixture.Client.GetGrain<IToolExecutorGrain>(0);

    [Fact]
    public async Task ReceiveReminder_FiveMinutesPass_RunsTheHealthCheck()
    {
        var name = await RegisterAsync(failing: false, deploy: true);
        Assert.Null((await Tool(name).DescribeAsync()).LastHealthCheckAt);

        fixture.ReminderTime.Advance(s_pastOnePeriod);

        // Health checks are counted after the store recorded them.
        var description = await Eventually.GetAsync(() => Tool(name).DescribeAsync(), d => d.Monitoring?.HealthChecks >= 1);
        Assert.NotNull(description.LastHealthCheckAt);
        var monitoring = Assert.IsType<MonitoringSummary>(description.Monitoring);
        Assert.True(monitoring.HealthChecks >= 1);
        var checks = await fixture.Service<IDeploymentMonitoringStore>().ListHealthChecksAsync(monitoring.MonitoringId, 10);
        Assert.NotEmpty(checks);
    }

    [Fact]
    public async Task ReceiveReminder_RegressingVersion_RollsBackAutomatically()
    {
        var name = await RegisterAsync(failing: false, deploy: true);
        await DriveAsync(name, expectedVersion: 1);
        Assert.Equal(2, (await Tool(name).RegisterVersionAsync(ToolSources.Echo(name, 2, failing: true), "autonomous", "candidate")).Version);
        Assert.True((await Tool(name).DeployAsync(2)).Succeeded);
        await DriveAsync(name, expectedVersion: 2);

        fixture.ReminderTime.Advance(s_pastOnePeriod);

        await Eventually.GetAsync(() => Tool(name).DescribeAsync(), d => d.ActiveVersion == 1);

        // Another tick (run directly, so it queues behind the reminder's turn) finds no monitored version to judge.
        var again = await Tool(name).CheckHealthAsync();
        Assert.Equal((false, (int?)null), (again.Regression, again.RolledBackTo));
        var description = await Tool(name).DescribeAsync();
        Assert.Equal((1, 2), (description.ActiveVersion, description.PreviousVersion));
        Assert.Equal("auto-rollback", description.Deployments[^1].Kind);
        Assert.Null(description.Monitoring);
        Assert.Equal([1, 2], description.Versions.Select(v => v.Version));
        var rollback = Assert.Single(await fixture.Service<IDeploymentMonitoringStore>().ListRollbacksAsync(name, 10));
        Assert.Equal((2, 1, true), (rollback.FromVersion, rollback.ToVersion, rollback.Automatic));
        Assert.Equal(1, (await Worker.ExecuteAsync(name, """{"n": 7}""")).Version);
    }

    [Fact]
    public async Task CheckHealthAsync_RegressionWhilePinned_DoesNotRollBack()
    {
        var name = await RegisterAsync(failing: false, deploy: true);
        await DriveAsync(name, expectedVersion: 1);
        await Tool(name).RegisterVersionAsync(ToolSources.Echo(name, 2, failing: true), "human", "pinned on purpose");
        Assert.True((await Tool(name).PinAsync(2)).Succeeded);
        await DriveAsync(name, expectedVersion: 2);

        var report = await Tool(name).CheckHealthAsync();

        Assert.True(report.Regression, report.Message);
        Assert.Null(report.RolledBackTo);
        var description = await Tool(name).DescribeAsync();
        Assert.Equal((2, 2), (description.ActiveVersion, description.PinnedVersion));
        Assert.Empty(await fixture.Service<IDeploymentMonitoringStore>().ListRollbacksAsync(name, 10));
    }

    [Fact]
    public async Task CheckHealthAsync_HealthyVersion_NoRegression()
    {
        var name = await RegisterAsync(failing: false, deploy: true);
        await DriveAsync(name, expectedVersion: 1);
        await Tool(name).RegisterVersionAsync(ToolSources.Echo(name, 2), "human", "v2");
        await Tool(name).DeployAsync(2);
        await DriveAsync(name, expectedVersion: 2);

        var report = await Tool(name).CheckHealthAsync();

        Assert.False(report.Regression, report.Message);
        Assert.Equal(ToolHealth.Healthy, report.Health);
        Assert.Equal(2, (await Tool(name).DescribeAsync()).ActiveVersion);
    }

    private async Task<string> RegisterAsync(bool failing, bool deploy)
    {
        var name = $"mon_{Guid.NewGuid():N}"[..16];
        var registered = await Tool(name).RegisterVersionAsync(ToolSources.Echo(name, 1, failing), "human", "v1");
        Assert.True(registered.Accepted, string.Join("; ", registered.Diagnostics));
        if (deploy)
        {
            Assert.True((await Tool(name).DeployAsync(1)).Succeeded);
        }

        return name;
    }

    /// <summary>Runs 20 executions on the active version and waits until the grain has their metrics.</summary>
    private async Task DriveAsync(string name, int expectedVersion)
    {
        for (var n = 1; n <= 20; n++)
        {
            var reply = await Worker.ExecuteAsync(name, $$"""{"n": {{n}}}""");
            Assert.Equal(expectedVersion, reply.Version);
            Assert.Equal(ToolExecutionStatus.Executed, reply.Status);
            Assert.NotEqual(ExecutionOutcome.InvalidInput, reply.Result.Outcome);
        }

        await Eventually.GetAsync(
            () => Tool(name).DescribeAsync(),
            d => d.CurrentWindow.FirstOrDefault(w => w.Version == expectedVersion)?.Judged == 20);
    }
}
