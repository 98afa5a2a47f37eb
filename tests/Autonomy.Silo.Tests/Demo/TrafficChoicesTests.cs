using System.Collections.Immutable;
using System.Reflection;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Grains.Tools;
using Autonomy.Silo.Demo;
using Autonomy.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Silo.Tests.Demo;

/// <summary>The traffic generator's choices without a silo: pacing, picks, when a caller reports an output wrong, and the mode gate.</summary>
public sealed class TrafficChoicesTests
{
    private static readonly TrafficInput WithExpected = new("""{"text":"Hello"}""", 1, """{"slug":"hello","n":1}""");

    [Fact]
    public void NextGap_SeededDraws_AverageOneOverTheRate()
    {
        var random = new Random(1);

        var gaps = Enumerable.Range(0, 100_000).Select(_ => TrafficGenerator.NextGap(random, 20).TotalMilliseconds).ToList();

        Assert.InRange(gaps.Average(), 49, 51);
        Assert.All(gaps, g => Assert.True(g >= 0));
    }

    [Fact]
    public void Pick_SeededRandom_FollowsTheWeights()
    {
        var plan = TrafficPlan.Parse("""{"tools": {"a": {"inputs": [{"input": 1}]}, "b": {"weight": 3, "inputs": [{"input": 1}, {"input": 2, "weight": 4}]}}}""");
        var random = new Random(7);

        var tools = Enumerable.Range(0, 40_000).Select(_ => plan.Pick(random).Name).ToList();
        var inputs = Enumerable.Range(0, 40_000).Select(_ => plan.Tools[1].Pick(random).Json).ToList();

        Assert.InRange(tools.Count(t => t == "b") / 40_000.0, 0.74, 0.76);
        Assert.InRange(inputs.Count(i => i == "2") / 40_000.0, 0.79, 0.81);
    }

    [Fact]
    public void Pick_SameSeed_SameSequence()
    {
        var plan = DemoFiles.Plan();
        var first = new Random(1);
        var second = new Random(1);

        Assert.Equal(
            Enumerable.Range(0, 200).Select(_ => plan.Pick(first).Pick(first).Json),
            Enumerable.Range(0, 200).Select(_ => plan.Pick(second).Pick(second).Json));
    }

    [Fact]
    public void IsWrong_SameOutputInAnotherKeyOrder_False() =>
        Assert.False(TrafficGenerator.IsWrong(WithExpected, Reply(ExecutionOutcome.Success, """{"n":1.0,"slug":"hello"}""")));

    [Fact]
    public void IsWrong_DifferentOutput_True() =>
        Assert.True(TrafficGenerator.IsWrong(WithExpected, Reply(ExecutionOutcome.Success, """{"slug":"hello-","n":1}""")));

    [Fact]
    public void IsWrong_ToolFailed_True() => Assert.True(TrafficGenerator.IsWrong(WithExpected, Reply(ExecutionOutcome.ToolError, null)));

    [Fact]
    public void IsWrong_InvalidInputNotRunOrNoExpectation_False()
    {
        Assert.False(TrafficGenerator.IsWrong(WithExpected, Reply(ExecutionOutcome.InvalidInput, null)));
        Assert.False(TrafficGenerator.IsWrong(WithExpected, Reply(ExecutionOutcome.InvalidInput, null) with { Status = ToolExecutionStatus.NotDeployed, ExecutionId = Guid.Empty }));
        Assert.False(TrafficGenerator.IsWrong(WithExpected with { Expected = null }, Reply(ExecutionOutcome.ToolError, null)));
    }

    [Fact]
    public async Task ExecuteAsync_ClusterMode_WarnsAndNeverTouchesTheGrains()
    {
        var logs = new ListLoggerProvider();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(logs));
        var grains = DispatchProxy.Create<IGrainFactory, CountingProxy>();
        var statistics = new TrafficStatistics();
        using var generator = new TrafficGenerator(
            grains,
            Options.Create(new DemoOptions { Enabled = true, TrafficFile = DemoFiles.TrafficFile }),
            SiloMode.Cluster,
            statistics,
            TimeProvider.System,
            new NeverStartedLifetime(),
            Options.Create(new ToolGrainOptions()),
            loggers);

        await generator.StartAsync(CancellationToken.None);
        await generator.ExecuteTask!.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(generator.ExecuteTask.IsCompletedSuccessfully);
        Assert.Equal(0, ((CountingProxy)(object)grains).Calls);
        Assert.Equal(0, statistics.Snapshot().Calls);
        var warning = Assert.Single(logs.Entries);
        Assert.Equal((DemoOptions.LogCategory, LogLevel.Warning, 6100), (warning.Category, warning.Level, warning.EventId));
        Assert.Contains("no demo traffic in Cluster mode", warning.Message, StringComparison.Ordinal);
    }

    private static ToolExecutionReply Reply(ExecutionOutcome outcome, string? output) => new(
        Guid.CreateVersion7(),
        1,
        new ExecutionResult(outcome, output, null, null, ExceededBudget.None, TimeSpan.FromMilliseconds(1), 1, 0, ImmutableArray<LogLine>.Empty, 0));

    /// <summary>A grain factory that counts the calls it gets and answers none.</summary>
    public class CountingProxy : DispatchProxy
    {
        private int _calls;

        public int Calls => _calls;

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Interlocked.Increment(ref _calls);
            throw new InvalidOperationException($"{targetMethod?.Name} was called");
        }
    }

    private sealed class NeverStartedLifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
