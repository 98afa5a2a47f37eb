using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests;

/// <summary>The tool grain's intent-level commands on a one-silo cluster.</summary>
public sealed class ToolGrainTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static string NewName() => $"echo_{Guid.NewGuid():N}"[..17];

    private IToolGrain Tool(string name) => fixture.Client.GetGrain<IToolGrain>(name);

    private IToolExecutorGrain Worker => fixture.Client.GetGrain<IToolExecutorGrain>(0);

    [Fact]
    public async Task RegisterVersionAsync_ValidSample_BecomesVersionOneWithoutDeploying()
    {
        var tool = Tool("parse_date");

        var result = await tool.RegisterVersionAsync(ToolSources.ParseDate, "human", "initial import");

        Assert.True(result.Accepted, string.Join("; ", result.Diagnostics));
        Assert.Equal(1, result.Version);
        var description = await tool.DescribeAsync();
        Assert.Equal(ToolHealth.NotDeployed, description.Health);
        Assert.Null(description.ActiveVersion);
        var summary = Assert.Single(description.Versions);
        Assert.Equal((1, result.SourceHash, "human", "initial import"), (summary.Version, summary.SourceHash, summary.Author, summary.Reason));

        var deployed = await tool.DeployAsync(1);
        Assert.True(deployed.Succeeded, deployed.Message);
        var reply = await Worker.ExecuteAsync("parse_date", """{"date": "03/05/2024"}""");

        Assert.Equal(ToolExecutionStatus.Executed, reply.Status);
        Assert.Equal(ExecutionOutcome.Success, reply.Result.Outcome);
        Assert.Equal(1, reply.Version);
        Assert.NotEqual(Guid.Empty, reply.ExecutionId);
        Assert.Contains("\"iso\":\"2024-03-05\"", reply.Result.Output, StringComparison.Ordinal);
        await fixture.FlushExecutionLogsAsync();
        Assert.Equal(1, await fixture.CountExecutionsAsync(reply.ExecutionId));
    }

    [Fact]
    public async Task RegisterVersionAsync_PolicyViolation_ReturnsDiagnosticsAndNoVersion()
    {
        var name = NewName();

        var result = await Tool(name).RegisterVersionAsync(ToolSources.ReadsFiles(name), "human", "bad");

        Assert.False(result.Accepted);
        Assert.Contains(result.Diagnostics, d => d.IsError && d.Code.StartsWith("policy/", StringComparison.Ordinal));
        Assert.Empty((await Tool(name).DescribeAsync()).Versions);
        Assert.Empty(await fixture.Service<IToolVersionStore>().ListAsync(name));
        var reply = await Worker.ExecuteAsync(name, "{}");
        Assert.Equal(ToolExecutionStatus.UnknownTool, reply.Status);
    }

    [Fact]
    public async Task RegisterVersionAsync_NameDiffersFromKey_IsRejected()
    {
        var result = await Tool(NewName()).RegisterVersionAsync(ToolSources.Echo(NewName(), 1), "human", "wrong name");

        Assert.False(result.Accepted);
        Assert.Contains(result.Diagnostics, d => d.Code == "AUT020");
    }

    [Fact]
    public async Task ExecuteAsync_UnknownTool_ReturnsUnknownToolWithoutThrowing()
    {
        var reply = await Worker.ExecuteAsync(NewName(), """{"n": 1}""");

        Assert.Equal(ToolExecutionStatus.UnknownTool, reply.Status);
        Assert.Equal(ExecutionOutcome.InvalidInput, reply.Result.Outcome);
        Assert.Equal(Guid.Empty, reply.ExecutionId);
        Assert.Contains("no tool is named", reply.Result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_RegisteredButNotDeployed_ReturnsNotDeployed()
    {
        var name = NewName();
        await Tool(name).RegisterVersionAsync(ToolSources.Echo(name, 1), "human", "v1");

        var reply = await Worker.ExecuteAsync(name, """{"n": 1}""");

        Assert.Equal(ToolExecutionStatus.NotDeployed, reply.Status);
    }

    [Fact]
    public async Task ExecuteAsync_ArchivedTool_ReturnsArchived()
    {
        var name = await DeployedEchoAsync();
        Assert.Equal(ExecutionOutcome.Success, (await Worker.ExecuteAsync(name, """{"n": 1}""")).Result.Outcome);

        var archived = await Tool(name).ArchiveAsync("unused");
        var reply = await Worker.ExecuteAsync(name, """{"n": 1}""");

        Assert.True(archived.Succeeded);
        Assert.Equal(ToolExecutionStatus.Archived, reply.Status);
        Assert.Equal(ExecutionOutcome.InvalidInput, reply.Result.Outcome);
        Assert.Equal(ToolHealth.Archived, (await Tool(name).DescribeAsync()).Health);
        Assert.False((await Tool(name).DeployAsync(1)).Succeeded);
    }

    [Fact]
    public async Task ExecuteAsync_InvalidJson_ReturnsInvalidInputAndIsRecorded()
    {
        var name = await DeployedEchoAsync();

        var reply = await Worker.ExecuteAsync(name, "{ not json");

        Assert.Equal(ToolExecutionStatus.Executed, reply.Status);
        Assert.Equal(ExecutionOutcome.InvalidInput, reply.Result.Outcome);
        Assert.NotEqual(Guid.Empty, reply.ExecutionId);
        await fixture.FlushExecutionLogsAsync();
        Assert.Equal(1, await fixture.CountExecutionsAsync(reply.ExecutionId));
    }

    [Fact]
    public async Task RollbackAsync_ToPrevious_RestoresItAndKeepsHistory()
    {
        var name = await DeployedEchoAsync();
        var tool = Tool(name);
        Assert.Equal(2, (await tool.RegisterVersionAsync(ToolSources.Echo(name, 2), "autonomous", "v2")).Version);
        Assert.True((await tool.DeployAsync(2)).Succeeded);
        Assert.Equal(2, (await Worker.ExecuteAsync(name, """{"n": 1}""")).Version);

        var rolledBack = await tool.RollbackAsync(null, "v2 looks wrong");

        Assert.True(rolledBack.Succeeded, rolledBack.Message);
        var description = await tool.DescribeAsync();
        Assert.Equal((1, 2), (description.ActiveVersion, description.PreviousVersion));
        Assert.Equal([1, 2], description.Versions.Select(v => v.Version));
        Assert.Equal(["deploy", "deploy", "rollback"], description.Deployments.Select(d => d.Kind));
        Assert.Equal(2, (await fixture.Service<IToolVersionStore>().ListAsync(name)).Count);
        var reply = await Worker.ExecuteAsync(name, """{"n": 3}""");
        Assert.Equal(1, reply.Version);
        Assert.Contains("\"mark\":1", reply.Result.Output, StringComparison.Ordinal);
        var rollback = Assert.Single(await fixture.Service<IDeploymentMonitoringStore>().ListRollbacksAsync(name, 10));
        Assert.Equal((2, 1, false), (rollback.FromVersion, rollback.ToVersion, rollback.Automatic));
        var events = await fixture.Service<ILifecycleEventStore>().ListEventsAsync(name, 20);
        Assert.Equal(
            ["version_registered", "deployed", "version_registered", "deployed", "rolled_back"],
            events.Reverse().Select(e => e.EventType));
    }

    [Fact]
    public async Task RollbackAsync_ToSpecificVersion_ActivatesThatVersion()
    {
        var name = await DeployedEchoAsync();
        var tool = Tool(name);
        await tool.RegisterVersionAsync(ToolSources.Echo(name, 2), "human", "v2");
        await tool.RegisterVersionAsync(ToolSources.Echo(name, 3), "human", "v3");
        await tool.DeployAsync(2);
        await tool.DeployAsync(3);

        var rolledBack = await tool.RollbackAsync(1, "back to the first");

        Assert.True(rolledBack.Succeeded, rolledBack.Message);
        var description = await tool.DescribeAsync();
        Assert.Equal((1, 3), (description.ActiveVersion, description.PreviousVersion));
        Assert.Equal([1, 2, 3], description.Versions.Select(v => v.Version));
        Assert.False((await tool.RollbackAsync(7, "missing")).Succeeded);
    }

    [Fact]
    public async Task RollbackAsync_WithoutPrevious_Fails()
    {
        var name = await DeployedEchoAsync();

        var result = await Tool(name).RollbackAsync(null, "nothing to go back to");

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.ActiveVersion);
    }

    [Fact]
    public async Task PinAsync_PinnedVersion_RefusesDeployUntilUnpinned()
    {
        var name = await DeployedEchoAsync();
        var tool = Tool(name);
        await tool.RegisterVersionAsync(ToolSources.Echo(name, 2), "human", "v2");

        var pinned = await tool.PinAsync(null);
        var refused = await tool.DeployAsync(2);
        var unpinned = await tool.UnpinAsync();
        var deployed = await tool.DeployAsync(2);

        Assert.Equal((true, 1), (pinned.Succeeded, pinned.PinnedVersion));
        Assert.False(refused.Succeeded);
        Assert.True(unpinned.Succeeded);
        Assert.True(deployed.Succeeded);
        Assert.Equal(2, (await tool.DescribeAsync()).ActiveVersion);
    }

    [Fact]
    public async Task ReportMetricsAsync_WorkerBatches_ReachTheToolGrain()
    {
        var name = await DeployedEchoAsync();
        for (var n = 1; n <= 5; n++)
        {
            await Worker.ExecuteAsync(name, $$"""{"n": {{n}}}""");
        }

        await Worker.ExecuteAsync(name, "[");

        var description = await Eventually.GetAsync(
            () => Tool(name).DescribeAsync(),
            d => d.CurrentWindow.Sum(w => w.Successes + w.InvalidInputs) == 6);
        var window = Assert.Single(description.CurrentWindow);
        Assert.Equal((1, 5L, 0L, 1L), (window.Version, window.Successes, window.ToolFailures, window.InvalidInputs));
    }

    [Fact]
    public async Task DeactivateAsync_AfterMetrics_StateAndMetricsSurviveReactivation()
    {
        var name = await DeployedEchoAsync();
        await Worker.ExecuteAsync(name, """{"n": 1}""");
        await Eventually.GetAsync(() => Tool(name).DescribeAsync(), d => d.CurrentWindow.Sum(w => w.Successes) == 1);

        await fixture.Cluster.DeactivateAsync(Tool(name));

        var description = await Tool(name).DescribeAsync();
        Assert.Equal(1, description.ActiveVersion);
        Assert.Equal([1], description.Versions.Select(v => v.Version));
        Assert.Equal(1, Assert.Single(description.CurrentWindow).Successes);
        Assert.NotNull(description.Monitoring);
    }

    [Fact]
    public async Task ReportFeedbackAsync_ValidFeedback_IsStored()
    {
        var name = await DeployedEchoAsync();
        var reply = await Worker.ExecuteAsync(name, """{"n": 4}""");

        var accepted = await Worker.ReportFeedbackAsync(reply.ExecutionId, name, reply.Version, correct: false, """{"n": 4, "mark": 9}""");
        var refused = await Worker.ReportFeedbackAsync(reply.ExecutionId, name, reply.Version, correct: false, "{ not json");

        Assert.True(accepted.Accepted, accepted.Message);
        Assert.False(refused.Accepted);
        var stored = Assert.Single(await fixture.Service<IFeedbackStore>().ListAsync(name, null, 10));
        Assert.Equal((reply.ExecutionId, 1, false), (stored.ExecutionId, stored.Version, stored.Correct));
    }

    private async Task<string> DeployedEchoAsync()
    {
        var name = NewName();
        var registered = await Tool(name).RegisterVersionAsync(ToolSources.Echo(name, 1), "human", "v1");
        Assert.True(registered.Accepted, string.Join("; ", registered.Diagnostics));
        Assert.True((await Tool(name).DeployAsync(1)).Succeeded);
        return name;
    }
}
