using Autonomy.Abstractions.Grains;
using Autonomy.Core.Repair.Templates;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Improvement;

/// <summary>
/// <see cref="IImprovementGrain.GetProgressAsync"/> and <see cref="IImprovementGrain.ListAttemptsAsync"/> answer while
/// <see cref="IImprovementGrain.ImproveAsync"/> runs: a gated generator holds the attempt until the test has read them.
/// </summary>
public sealed class ImprovementProgressTests(GatedRepairClusterFixture fixture) : IClassFixture<GatedRepairClusterFixture>
{
    [Fact]
    public async Task GetProgressAsync_WhileImproveAsyncRuns_ReportsTheGeneratorAtWork()
    {
        var name = ToolDriver.NewName("unit_convert");
        var tool = fixture.Client.GetGrain<IToolGrain>(name);
        var registered = await tool.RegisterVersionAsync(UnitConvertSample.Named(name), "human", "sample");
        Assert.True((await tool.DeployAsync(registered.Version!.Value)).Succeeded);
        Assert.Equal(UnitConvertSample.FailingInputs.Count, await ToolDriver.RunAsync(fixture.Client, name, [.. UnitConvertSample.FailingInputs, .. UnitConvertSample.PassingInputs]));
        await fixture.FlushExecutionLogsAsync();
        var gate = fixture.Service<GatedRepairGenerator>().Close(name);
        var grain = fixture.Client.GetGrain<IImprovementGrain>(name);

        var improving = grain.ImproveAsync();
        await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var progress = await grain.GetProgressAsync();
        var running = await grain.ListAttemptsAsync(5);
        gate.Open();
        var reply = await improving;

        Assert.NotNull(progress);
        Assert.Equal((1, (string?)GatedRepairGenerator.GeneratorName, "held by the test", 0, 0), (progress.BaseVersion, progress.Generator, progress.Stage, progress.CandidatesTried, progress.PlausibleFound));
        Assert.True(progress.Elapsed > TimeSpan.Zero);
        var inProgress = Assert.Single(running);
        Assert.Equal((ImprovementAttemptStatus.InProgress, 1, (int?)null), (inProgress.Status, inProgress.BaseVersion, inProgress.CandidateVersion));

        // The gate proposed nothing; the templates fixed the tool after it.
        Assert.True(reply.Outcome == ImprovementOutcome.Deployed, reply.Message);
        Assert.Equal((inProgress.Id, FixTemplateGenerator.GeneratorName, (int?)2), (reply.Attempt!.Id, reply.Attempt.Generator, reply.Attempt.CandidateVersion));
        Assert.Null(await grain.GetProgressAsync());
    }
}
