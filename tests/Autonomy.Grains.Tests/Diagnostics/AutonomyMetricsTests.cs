using System.Diagnostics.Metrics;
using Autonomy.Abstractions.Grains;
using Autonomy.Grains.Diagnostics;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Diagnostics;

/// <summary>The <c>Autonomy.Orleans</c> meter, read through a <c>MeterListener</c> while a one-silo cluster runs tools.</summary>
public sealed class AutonomyMetricsTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task ExecuteAsync_FailingAndSucceedingInputs_MeterCountsExecutionsByOutcome()
    {
        using var recorder = new MetricRecorder();
        var name = ToolDriver.NewName("metered");
        await ToolDriver.RegisterAsync(fixture.Client, name, 1, failing: true, deploy: true);
        var worker = fixture.Client.GetGrain<IToolExecutorGrain>(0);

        // The failing echo succeeds on multiples of ten only.
        for (var n = 1; n <= 20; n++)
        {
            await worker.ExecuteAsync(name, $$"""{"n": {{n}}}""");
        }

        await worker.ExecuteAsync(name, "not json");

        var executions = recorder.For("autonomy.tool.executions", name);
        Assert.Equal(
            [("invalid_input", 1.0), ("success", 2.0), ("tool_error", 18.0)],
            executions
                .GroupBy(m => (string)m.Tags[AutonomyMetrics.OutcomeTag]!)
                .Select(g => (g.Key, g.Sum(m => m.Value)))
                .OrderBy(g => g.Key, StringComparer.Ordinal));
        var latencies = recorder.For("autonomy.tool.execution.duration", name);
        Assert.Equal(21, latencies.Count);
        Assert.All(latencies, m => Assert.True(m.Value >= 0));
        Assert.Equal(2, latencies.Count(m => Equals(m.Tags[AutonomyMetrics.OutcomeTag], "success")));
        Assert.Equal(1.0, Assert.Single(recorder.For("autonomy.tool.deploys", name)).Value);

        // Created through the silo's IMeterFactory, so the host's exporters see it.
        var meterFactory = fixture.Service<IMeterFactory>();
        Assert.All(executions, m => Assert.Same(meterFactory, m.Scope));
    }

    [Fact]
    public async Task RollbackAsync_ByHand_CountsARollbackTaggedManual()
    {
        using var recorder = new MetricRecorder();
        var name = ToolDriver.NewName("rolled");
        var tool = fixture.Client.GetGrain<IToolGrain>(name);
        await ToolDriver.RegisterAsync(fixture.Client, name, 1, failing: false, deploy: true);
        await ToolDriver.RegisterAsync(fixture.Client, name, 2, failing: false, deploy: true);

        var rolledBack = await tool.RollbackAsync(null, "by hand");

        Assert.True(rolledBack.Succeeded, rolledBack.Message);
        var rollback = Assert.Single(recorder.For("autonomy.tool.rollbacks", name));
        Assert.Equal((1.0, (object?)false), (rollback.Value, rollback.Tags[AutonomyMetrics.AutomaticTag]));
        Assert.Equal(2, recorder.For("autonomy.tool.deploys", name).Count);
    }

    [Fact]
    public void AddAutonomyGrains_RegistersOneMetricsSingleton()
    {
        Assert.Same(fixture.Service<AutonomyMetrics>(), fixture.Service<AutonomyMetrics>());
        Assert.Equal("Autonomy.Orleans", AutonomyMetrics.MeterName);
    }
}
