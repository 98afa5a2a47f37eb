using Autonomy.Core.Repair;
using Autonomy.Core.Verification;

namespace Autonomy.Core.Tests.Verification;

/// <summary>The pieces that decide what to test: non-determinism in a source, which strategies apply, which replays run.</summary>
public sealed class StrategySelectionTests
{
    private static readonly VerificationOptions Options = new();

    [Fact]
    public void Scan_RandomGuidAndTheClock_EachReportedWithItsLine()
    {
        const string source = """
            using System;
            public sealed class T
            {
                private readonly Random _random = new Random(1);
                public object Run(object context)
                {
                    var id = Guid.NewGuid();
                    var roll = Random.Shared.Next();
                    var now = context.Now;
                    return (id, roll, now);
                }
            }
            """;

        var found = DeterminismScanner.Scan(source);

        Assert.Equal(
            [new NondeterminismSource("System.Random", 4), new NondeterminismSource("Guid.NewGuid", 7), new NondeterminismSource("Random.Shared", 8), new NondeterminismSource("context.Now", 9)],
            found);
    }

    [Fact]
    public void Scan_DeterministicSource_NothingFound() =>
        Assert.Empty(DeterminismScanner.Scan("public sealed class T { public int Twice(int n) => n * 2; }"));

    [Fact]
    public void Select_EnoughOfEverything_AllThreeApplyWithTheirNumbers()
    {
        var plan = TestingStrategySelector.Select(new TestingFacts(42, 60, 3, true, [new NondeterminismSource("Guid.NewGuid", 7)]), Options);

        Assert.Equal([TestingStrategy.Synthetic, TestingStrategy.Replay, TestingStrategy.Shadow], plan.Select(p => p.Strategy));
        Assert.All(plan, p => Assert.True(p.Applies));
        Assert.Equal("3 declared example(s) and inputs generated from the input schema", plan[0].Reason);
        Assert.Equal("42 distinct recorded inputs in the last 30 days (needs 10)", plan[1].Reason);
        Assert.Equal("60 inputs; side-effect free by policy; non-deterministic source (Guid.NewGuid at line 7): noise learnt by running the old version twice", plan[2].Reason);
    }

    [Fact]
    public void Select_TooLittleHistoryButASchema_OnlySyntheticAndShadowApply()
    {
        var plan = TestingStrategySelector.Select(new TestingFacts(9, 5, 0, true, []), Options);

        Assert.Equal([true, false, true], plan.Select(p => p.Applies));
        Assert.Equal("only 9 distinct recorded inputs in the last 30 days (needs 10)", plan[1].Reason);
        Assert.EndsWith("deterministic source", plan[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_ReplaySample_RareStrataFirstRoundRobinUpToTheMaximum()
    {
        var successes = Enumerable.Range(0, 40).Select(i => new RepairCase($$"""{"n": {{i}}}""", RepairExpectation.Keep, "{}", "execution"));
        var failures = Enumerable.Range(0, 3).Select(i => new RepairCase($$"""{"n": "x{{i}}"}""", RepairExpectation.Succeed, null, "execution"));
        var other = new RepairCase("""{"m": 1}""", RepairExpectation.Keep, "{}", "execution");

        var selected = ReplaySelection.Select([.. successes, .. failures, other], 6);

        Assert.Equal(6, selected.Count);
        Assert.Equal("""{"m": 1}""", selected[0].Input);
        Assert.Equal(3, selected.Count(c => c.Expectation == RepairExpectation.Succeed));
        Assert.Equal(2, selected.Count(c => c.Input.StartsWith("""{"n": """, StringComparison.Ordinal) && c.Expectation == RepairExpectation.Keep));
    }

    [Theory]
    [InlineData("""{"b": 1, "a": "x"}""", "a:String,b:Number")]
    [InlineData("[1, 2]", "Array")]
    [InlineData("not json", "not-json")]
    public void Shape_Inputs_FieldsAndKinds(string input, string expected) => Assert.Equal(expected, ReplaySelection.Shape(input));
}
