using Autonomy.Abstractions.Grains;
using Autonomy.Grains.Loop;
using Autonomy.Grains.Tests.Support;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Autonomy.Grains.Tests.Loop;

/// <summary>A registered <see cref="IOpportunityProcessor"/> replaces the recording one, and its results reach the statistics.</summary>
public sealed class LoopProcessorTests(LoopProcessorTests.Fixture fixture) : IClassFixture<LoopProcessorTests.Fixture>
{
    private ILoopCoordinatorGrain Coordinator => fixture.Client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey);

    [Fact]
    public async Task RunScanNowAsync_ProcessorAttemptsImprovements_StatisticsCountWhatItDid()
    {
        var deployed = ToolDriver.NewName("deploys");
        var failed = ToolDriver.NewName("fails");
        var throws = ToolDriver.NewName("throws");
        await ExecutionSeed.RecordAsync(fixture, deployed, successes: 1, failures: 11);
        await ExecutionSeed.RecordAsync(fixture, failed, successes: 2, failures: 10);
        await ExecutionSeed.RecordAsync(fixture, throws, successes: 3, failures: 9);
        var before = (await Coordinator.GetStatusAsync()).Statistics;
        using var recorder = new MetricRecorder();

        var scan = await Coordinator.RunScanNowAsync();

        // Worst first; a processor that throws loses neither the scan nor the other opportunities.
        Assert.Equal([deployed, failed, throws], scan.Opportunities.Select(o => o.ToolName));
        Assert.Equal([deployed, failed, throws], fixture.Processor.Seen);
        var after = (await Coordinator.GetStatusAsync()).Statistics;
        Assert.Equal(
            before with
            {
                CyclesCompleted = before.CyclesCompleted + 1,
                OpportunitiesDetected = before.OpportunitiesDetected + 3,
                ToolsAnalyzed = before.ToolsAnalyzed + 3,
                ImprovementsAttempted = before.ImprovementsAttempted + 2,
                ImprovementsDeployed = before.ImprovementsDeployed + 1,
                ImprovementsFailed = before.ImprovementsFailed + 1,
            },
            after);

        // The silo's meter, told apart from other test clusters' by its factory.
        var meterFactory = fixture.Service<IMeterFactory>();
        var scans = Assert.Single(recorder.For("autonomy.loop.scans", meterFactory));
        Assert.Equal((1.0, (object?)"completed"), (scans.Value, scans.Tags["autonomy.result"]));
        Assert.Equal(3.0, Assert.Single(recorder.For("autonomy.loop.opportunities", meterFactory)).Value);
    }

    public sealed class Fixture : ClusterFixture
    {
        public ScriptedProcessor Processor { get; } = new();

        protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<IOpportunityProcessor>(Processor);
    }

    /// <summary>Deploys for tools named <c>deploys_*</c>, fails for <c>fails_*</c>, throws for the rest.</summary>
    public sealed class ScriptedProcessor : IOpportunityProcessor
    {
        private readonly List<string> _seen = [];

        public IReadOnlyList<string> Seen
        {
            get
            {
                lock (_seen)
                {
                    return [.. _seen];
                }
            }
        }

        public Task<OpportunityOutcome> ProcessAsync(LoopOpportunity opportunity, CancellationToken cancellationToken)
        {
            lock (_seen)
            {
                _seen.Add(opportunity.ToolName);
            }

            return opportunity.ToolName switch
            {
                var n when n.StartsWith("deploys_", StringComparison.Ordinal) => Task.FromResult(new OpportunityOutcome(true, true, false, "deployed")),
                var n when n.StartsWith("fails_", StringComparison.Ordinal) => Task.FromResult(new OpportunityOutcome(true, false, true, "failed")),
                _ => throw new InvalidOperationException("the processor broke"),
            };
        }
    }
}
