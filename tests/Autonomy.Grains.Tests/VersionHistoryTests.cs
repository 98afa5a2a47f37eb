using Autonomy.Abstractions.Grains;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests;

/// <summary>Version management: five versions deployed in turn, a rollback to version 1, the history and a comparison.</summary>
public sealed class VersionHistoryTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private IVersionHistoryGrain History => fixture.Client.GetGrain<IVersionHistoryGrain>(0);

    [Fact]
    public async Task RollbackToVersionOneOfFive_HistoryShowsEveryLivePeriodAndCompareShowsBothSides()
    {
        var name = ToolDriver.NewName("history");
        var tool = fixture.Client.GetGrain<IToolGrain>(name);
        for (var version = 1; version <= 5; version++)
        {
            Assert.Equal(version, (await tool.RegisterVersionAsync(ToolSources.Echo(name, version, failing: version == 5), "human", $"v{version}")).Version);
            Assert.True((await tool.DeployAsync(version)).Succeeded);
            await ToolDriver.RunAsync(fixture.Client, name, Enumerable.Range(1, 10 * version).Select(n => $$"""{"n": {{n}}}"""));
        }

        var rolledBack = await tool.RollbackAsync(1, "back to the first");
        Assert.True(rolledBack.Succeeded, rolledBack.Message);
        Assert.Equal(2, (await ToolDriver.RunAsync(fixture.Client, name, ["""{"n": 1}""", """{"n": 2}"""]) + 2));
        await fixture.FlushExecutionLogsAsync();

        var history = await History.ListAsync(name);

        Assert.Equal([1, 2, 3, 4, 5], history.Select(v => v.Version));
        Assert.Equal(["deploy", "rollback"], history[0].LivePeriods.Select(p => p.How));
        Assert.Null(history[0].LivePeriods[^1].To);
        Assert.All(history.Skip(1), v => Assert.NotNull(Assert.Single(v.LivePeriods).To));
        Assert.Equal(((int?)4, "human", "v5"), (history[4].ParentVersion, history[4].Author, history[4].Reason));

        var comparison = await History.CompareAsync(name, 1, 5);

        Assert.NotNull(comparison);
        Assert.Equal((12L, 12L, 1.0), (comparison.LeftMetrics.Executions, comparison.LeftMetrics.Successes, comparison.LeftMetrics.SuccessRate!.Value));
        Assert.Equal((50L, 5L, 45L), (comparison.RightMetrics.Executions, comparison.RightMetrics.Successes, comparison.RightMetrics.ToolErrors));
        Assert.Matches(@"(?m)^-\s+if \(false && n % 10 != 0\)$", comparison.Diff);
        Assert.Matches(@"(?m)^\+\s+if \(true && n % 10 != 0\)$", comparison.Diff);
        Assert.Null(await History.CompareAsync(name, 1, 6));
        Assert.Empty(await History.ListAsync("no_such_tool"));
    }
}
