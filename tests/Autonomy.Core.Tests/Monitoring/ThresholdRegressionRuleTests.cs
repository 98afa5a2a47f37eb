using Autonomy.Core.Monitoring;

namespace Autonomy.Core.Tests.Monitoring;

/// <summary>The seed's rule: ≥ 10 judged executions each side, a drop of ≥ 15 absolute percentage points.</summary>
public sealed class ThresholdRegressionRuleTests
{
    [Fact]
    public void Evaluate_DropOfExactlyFifteenPoints_IsRegression()
    {
        // 95 % − 80 % is 14.999999999999998 in floating point; the seed's "≥ 15" must still hold.
        var decision = new ThresholdRegressionRule().Evaluate(new RegressionEvidence(19, 20, 16, 20, 2, 3));

        Assert.Equal(RegressionVerdict.Regression, decision.Verdict);
        Assert.Equal(15, decision.Statistic, 9);
        Assert.Equal(15, decision.Threshold);
        Assert.Equal("version 3 succeeds 80.0 % (16 of 20) against 95.0 % (19 of 20) for version 2; a drop of 15.0 points ≥ 15.0", decision.Reason);
    }

    [Fact]
    public void Evaluate_DropJustUnderFifteenPoints_Continues()
    {
        // 95 % against 80.1 %: 14.9 points.
        var decision = new ThresholdRegressionRule().Evaluate(new RegressionEvidence(950, 1_000, 801, 1_000));

        Assert.Equal(RegressionVerdict.Continue, decision.Verdict);
        Assert.Equal(14.9, decision.Statistic, 9);
        Assert.EndsWith("a drop of 14.9 points < 15.0", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_TenPointDrop_Continues()
    {
        var decision = new ThresholdRegressionRule().Evaluate(new RegressionEvidence(19, 20, 17, 20));

        Assert.Equal(RegressionVerdict.Continue, decision.Verdict);
        Assert.Equal(10, decision.Statistic, 9);
    }

    [Fact]
    public void Evaluate_EightOfTenAgainst95Percent_IsRegressionEvenThoughTheDataCannotTellThemApart()
    {
        // The weakness the sequential test fixes: a 95 % version gives 8 of 10 about 7.5 % of the time.
        var threshold = new ThresholdRegressionRule().Evaluate(new RegressionEvidence(475, 500, 8, 10));
        var sequential = new SequentialRegressionTest().Evaluate(new RegressionEvidence(475, 500, 8, 10));

        Assert.Equal(RegressionVerdict.Regression, threshold.Verdict);
        Assert.Equal(RegressionVerdict.Continue, sequential.Verdict);
    }

    [Fact]
    public void Evaluate_CurrentOfNine_ContinuesWhateverTheDrop()
    {
        var decision = new ThresholdRegressionRule().Evaluate(new RegressionEvidence(100, 100, 0, 9, 2, 3));

        Assert.Equal(RegressionVerdict.Continue, decision.Verdict);
        Assert.Equal("version 3 has 9 of the 10 judged executions needed", decision.Reason);
    }

    [Fact]
    public void Evaluate_BaselineOfNine_ContinuesBecauseTheBaselineIsTooSmall()
    {
        var decision = new ThresholdRegressionRule().Evaluate(new RegressionEvidence(9, 9, 0, 10));

        Assert.Equal(RegressionVerdict.Continue, decision.Verdict);
        Assert.Equal("baseline too small: the baseline has 9 judged executions, 10 needed", decision.Reason);
    }

    [Fact]
    public void Evaluate_TenEachSide_Judges()
    {
        var decision = new ThresholdRegressionRule().Evaluate(new RegressionEvidence(10, 10, 8, 10));

        Assert.Equal(RegressionVerdict.Regression, decision.Verdict);
        Assert.Equal(20, decision.Statistic, 9);
    }

    [Fact]
    public void Evaluate_ConfiguredThreshold_IsUsed()
    {
        var rule = new ThresholdRegressionRule(minimumExecutions: 20, thresholdPoints: 25);

        Assert.Equal(RegressionVerdict.Continue, rule.Evaluate(new RegressionEvidence(20, 20, 16, 20)).Verdict);
        Assert.Equal(RegressionVerdict.Regression, rule.Evaluate(new RegressionEvidence(20, 20, 15, 20)).Verdict);
        Assert.Equal(RegressionVerdict.Continue, rule.Evaluate(new RegressionEvidence(20, 20, 0, 19)).Verdict);
    }
}
