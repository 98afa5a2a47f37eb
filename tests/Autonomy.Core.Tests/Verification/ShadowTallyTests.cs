using Autonomy.Abstractions.Execution;
using Autonomy.Core.Verification;

namespace Autonomy.Core.Tests.Verification;

/// <summary>The agreement rate over judged shadow pairs and the pass decision.</summary>
public sealed class ShadowTallyTests
{
    [Fact]
    public void Of_CountsEveryClass()
    {
        var tally = ShadowTally.Of(Enum.GetValues<ShadowPairClass>().SelectMany((c, i) => Enumerable.Repeat(c, i + 1)));

        Assert.Equal(new ShadowTally(1, 2, 3, 4, 5, 6, 7), tally);
        Assert.Equal(28, tally.Total);
        Assert.All(Enum.GetValues<ShadowPairClass>(), c => Assert.Equal((int)c + 1, tally.Count(c)));
    }

    [Fact]
    public void AgreementRate_LeavesFixesAndNoisyOutOfTheDenominator()
    {
        var tally = new ShadowTally(Agree: 18, Disagree: 1, CandidateBreaks: 0, CandidateFixes: 30, BothFailSame: 1, BothFailDifferently: 0, Noisy: 50);

        Assert.Equal(19, tally.Agreeing);
        Assert.Equal(20, tally.Judged);
        Assert.Equal(0.95, tally.AgreementRate!.Value, 12);
        Assert.True(tally.Passes());
    }

    [Fact]
    public void AgreementRate_CountsBreaksAndDifferentFailuresAsMismatches()
    {
        var tally = new ShadowTally(Agree: 8, Disagree: 0, CandidateBreaks: 1, CandidateFixes: 0, BothFailSame: 0, BothFailDifferently: 1, Noisy: 0);

        Assert.Equal(0.8, tally.AgreementRate!.Value, 12);
        Assert.False(tally.Passes());
        Assert.True(tally.Passes(0.8));
    }

    [Fact]
    public void Passes_NoJudgedPairs_DoesNotPass()
    {
        var tally = new ShadowTally(0, 0, 0, CandidateFixes: 12, 0, 0, Noisy: 3);

        Assert.Null(tally.AgreementRate);
        Assert.False(tally.Passes(0));
    }

    [Fact]
    public void Passes_JustBelowThreshold_DoesNotPass()
    {
        var tally = ShadowTally.Empty with { Agree = 94, Disagree = 6 };

        Assert.False(tally.Passes());
        Assert.True((tally with { Agree = 95, Disagree = 5 }).Passes());
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    public void Passes_ThresholdOutsideUnitInterval_Throws(double threshold)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ShadowTally.Empty.Passes(threshold));
    }

    [Fact]
    public void Judge_ThenTally_EndToEnd()
    {
        var judge = new ShadowPairJudge();
        var classes = new[]
        {
            judge.Judge(ShadowPairJudgeTests.Success("1"), ShadowPairJudgeTests.Success("1.0")),
            judge.Judge(ShadowPairJudgeTests.Success("1"), ShadowPairJudgeTests.Success("2")),
            judge.Judge(ShadowPairJudgeTests.Failure(ExecutionOutcome.ToolError, "E"), ShadowPairJudgeTests.Success("2")),
        }.Select(j => j.Class);

        var tally = ShadowTally.Of(classes);

        Assert.Equal(new ShadowTally(1, 1, 0, 1, 0, 0, 0), tally);
        Assert.Equal(0.5, tally.AgreementRate);
    }
}
