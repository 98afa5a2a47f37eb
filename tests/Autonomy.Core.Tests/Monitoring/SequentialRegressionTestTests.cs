using Autonomy.Core.Monitoring;

namespace Autonomy.Core.Tests.Monitoring;

/// <summary>
/// The sequential test against values computed by hand from its formulas (docs/decisions/0013): baseline bound
/// p₀ = Wilson lower bound at z = 2.5758 (α/2 = 0.005), p₁ = p₀ − 0.10, threshold ln(200) = 5.2983.
/// </summary>
public sealed class SequentialRegressionTestTests
{
    private static readonly double Ln200 = Math.Log(200);

    [Fact]
    public void Evaluate_TwentyOfThirtyAgainst95Percent_IsRegressionWithNumbersInReason()
    {
        var test = new SequentialRegressionTest();

        var decision = test.Evaluate(new RegressionEvidence(475, 500, 20, 30, BaselineVersion: 2, CurrentVersion: 3));

        Assert.Equal(RegressionVerdict.Regression, decision.Verdict);
        Assert.True(decision.IsRegression);
        Assert.Equal(5.699672, decision.Statistic, 5);
        Assert.Equal(Ln200, decision.Threshold, 12);
        Assert.Equal(
            "version 3 succeeds 66.7 % (20 of 30) against 95.0 % (475 of 500) for version 2; log-likelihood ratio 5.70 ≥ 5.30 "
            + "for a drop of 10.0 points below the baseline's lower bound 91.8 %; the data support a drop of at least 12.0 points (99 % bound)",
            decision.Reason);
    }

    [Fact]
    public void Evaluate_ThreeOfTenAtTheMinimum_IsRegression()
    {
        var decision = new SequentialRegressionTest().Evaluate(new RegressionEvidence(476, 500, 3, 10));

        Assert.Equal(RegressionVerdict.Regression, decision.Verdict);
        Assert.Equal(5.376351, decision.Statistic, 5);
        Assert.StartsWith("the new version succeeds 30.0 % (3 of 10) against 95.2 % (476 of 500) for the baseline;", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TwentyOneOfThirty_IsNotYetEnoughEvidence()
    {
        // 70 % against 95.2 % is a large drop, but 30 executions give a ratio of 4.94, short of 5.30: one more
        // failure (20 of 30, above) crosses.
        var decision = new SequentialRegressionTest().Evaluate(new RegressionEvidence(476, 500, 21, 30));

        Assert.Equal(RegressionVerdict.Continue, decision.Verdict);
        Assert.Equal(4.941904, decision.Statistic, 5);
        Assert.Contains("log-likelihood ratio 4.94 < 5.30", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(475, 500, -0.236932)]
    [InlineData(95, 100, -0.569819)]
    public void Evaluate_NineOfTenAgainst95Percent_ContinuesBecauseTheDataCannotSupportADrop(long baselineSuccesses, long baselineJudged, double expectedRatio)
    {
        var decision = new SequentialRegressionTest().Evaluate(new RegressionEvidence(baselineSuccesses, baselineJudged, 9, 10));

        Assert.Equal(RegressionVerdict.Continue, decision.Verdict);
        Assert.Equal(expectedRatio, decision.Statistic, 5);
        Assert.Contains("90.0 % (9 of 10)", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoneOfNineBelowTheMinimum_Continues()
    {
        // Nine failures in a row would cross the threshold (ratio 7.2) if the minimum did not hold the test back.
        var decision = new SequentialRegressionTest().Evaluate(new RegressionEvidence(475, 500, 0, 9, 2, 3));

        Assert.Equal(RegressionVerdict.Continue, decision.Verdict);
        Assert.Equal(0, decision.Statistic);
        Assert.Equal("version 3 has 9 of the 10 judged executions needed", decision.Reason);
    }

    [Fact]
    public void Evaluate_BaselineOfNine_ContinuesBecauseTheBaselineIsTooSmall()
    {
        var decision = new SequentialRegressionTest().Evaluate(new RegressionEvidence(9, 9, 0, 50, 2, 3));

        Assert.Equal(RegressionVerdict.Continue, decision.Verdict);
        Assert.Equal("baseline too small: version 2 has 9 judged executions, 10 needed", decision.Reason);
    }

    [Fact]
    public void Evaluate_SmallerMinimum_IsHonoured()
    {
        var test = new SequentialRegressionTest(minimumExecutions: 5);

        var decision = test.Evaluate(new RegressionEvidence(475, 500, 0, 7));

        Assert.Equal(RegressionVerdict.Regression, decision.Verdict);
        Assert.Equal(7 * Math.Log((1 - 0.818479) / (1 - 0.918479)), decision.Statistic, 3);
    }

    [Fact]
    public void Evaluate_BaselineTooLowForTheDrop_Continues()
    {
        // Baseline 1 of 20: its lower bound (0.6 %) cannot fall by 10 points.
        var decision = new SequentialRegressionTest().Evaluate(new RegressionEvidence(1, 20, 0, 100));

        Assert.Equal(RegressionVerdict.Continue, decision.Verdict);
        Assert.Contains("leaves no room for a drop of 10.0 points", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_SeventyPercentArrivingOneByOne_RollsBackAtExecution33()
    {
        var test = new SequentialRegressionTest();

        var first = FirstVerdict(test, 475, 500, i => i % 10 is not (3 or 6 or 9), RegressionVerdict.Regression);

        Assert.Equal(33, first);
    }

    [Fact]
    public void Evaluate_NinetyFivePercentCheckedAfterEveryExecution_NeverRollsBack()
    {
        var test = new SequentialRegressionTest();

        Assert.Null(FirstVerdict(test, 475, 500, i => i % 20 != 0, RegressionVerdict.Regression));
    }

    [Fact]
    public void Evaluate_AcceptHealthyOff_NeverAnswersHealthy()
    {
        var decision = new SequentialRegressionTest().Evaluate(new RegressionEvidence(475, 500, 475, 500));

        Assert.Equal(RegressionVerdict.Continue, decision.Verdict);
        Assert.Equal(-34.741131, decision.Statistic, 5);
    }

    [Fact]
    public void Evaluate_AcceptHealthyOn_AcceptsNinetyFivePercentAtExecution136()
    {
        var test = new SequentialRegressionTest(acceptHealthy: true);

        var first = FirstVerdict(test, 475, 500, i => i % 20 != 0, RegressionVerdict.Healthy);
        var decision = test.Evaluate(new RegressionEvidence(475, 500, 148, 150, 2, 3));

        Assert.Equal(136, first);
        Assert.Equal(RegressionVerdict.Healthy, decision.Verdict);
        Assert.Equal(13.188334, decision.Statistic, 5);
        Assert.Equal(Ln200, decision.Threshold, 12);
        Assert.Contains("no regression: log-likelihood ratio 13.19 ≥ 5.30 against a drop of 10.0 points below the baseline's upper bound 97.0 %", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SupportedDrop_TwentyOfThirtyAgainst95Percent_IsNewcombeLowerBound()
    {
        Assert.Equal(0.120363, new SequentialRegressionTest().SupportedDrop(new RegressionEvidence(475, 500, 20, 30)), 5);
        Assert.Equal(-0.040508, new SequentialRegressionTest().SupportedDrop(new RegressionEvidence(475, 500, 9, 10)), 5);
    }

    [Fact]
    public void LogLikelihoodRatio_ZeroCountAgainstCertainty_IsFinite()
    {
        Assert.Equal(0, SequentialRegressionTest.LogLikelihoodRatio(0, 0, 0.5, 1));
        Assert.Equal(10 * Math.Log(0.9), SequentialRegressionTest.LogLikelihoodRatio(10, 0, 0.9, 1), 6);
        Assert.True(SequentialRegressionTest.LogLikelihoodRatio(0, 1, 0.9, 1) > 20);
    }

    [Fact]
    public void Evaluate_PerfectBaselineAndOneFailure_IsNotHealthy()
    {
        // A baseline of 200 of 200 has upper bound 1: a single failure of the new version rules out "as good".
        var decision = new SequentialRegressionTest(acceptHealthy: true).Evaluate(new RegressionEvidence(200, 200, 199, 200));

        Assert.Equal(RegressionVerdict.Continue, decision.Verdict);
        Assert.False(double.IsNaN(decision.Statistic));
    }

    [Fact]
    public void Evaluate_InvalidCounts_Throw()
    {
        var test = new SequentialRegressionTest();

        Assert.Throws<ArgumentOutOfRangeException>(() => test.Evaluate(new RegressionEvidence(11, 10, 5, 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => test.Evaluate(new RegressionEvidence(10, 10, -1, 10)));
    }

    private static int? FirstVerdict(SequentialRegressionTest test, long baselineSuccesses, long baselineJudged, Func<int, bool> succeeds, RegressionVerdict verdict)
    {
        long successes = 0;
        for (var i = 1; i <= 1_000; i++)
        {
            successes += succeeds(i) ? 1 : 0;
            if (test.Evaluate(new RegressionEvidence(baselineSuccesses, baselineJudged, successes, i)).Verdict == verdict)
            {
                return i;
            }
        }

        return null;
    }
}
