using Autonomy.Abstractions.Execution;
using Autonomy.Core.Verification;

namespace Autonomy.Core.Tests.Verification;

/// <summary>Classification of one old/candidate pair of results.</summary>
public sealed class ShadowPairJudgeTests
{
    private static readonly ShadowPairJudge s_judge = new();

    [Fact]
    public void Judge_BothSucceedWithEquivalentOutputs_Agree()
    {
        var judgement = s_judge.Judge(Success("""{"a":1,"b":[1,2]}"""), Success("""{"b":[1,2.0],"a":1}"""));

        Assert.Equal(ShadowPairClass.Agree, judgement.Class);
        Assert.Empty(judgement.Differences);
    }

    [Fact]
    public void Judge_DefaultOptions_FloatJitterAgrees()
    {
        Assert.Equal(ShadowPairClass.Agree, s_judge.Judge(Success("[0.30000000000000004]"), Success("[0.3]")).Class);
    }

    [Fact]
    public void Judge_BothSucceedWithDifferentOutputs_DisagreeWithPaths()
    {
        var judgement = s_judge.Judge(Success("""{"slug":"a-b","n":2}"""), Success("""{"slug":"a_b","n":2}"""));

        Assert.Equal(ShadowPairClass.Disagree, judgement.Class);
        Assert.Equal([new OutputDifference("$.slug", "\"a-b\"", "\"a_b\"")], judgement.Differences);
    }

    [Fact]
    public void Judge_OnlyNoisyPathsDiffer_Agree()
    {
        var noise = NoiseProfile.Learn([("""{"id":"1","v":1}""", """{"id":"2","v":1}""")]);
        var judge = new ShadowPairJudge(ComparisonOptions.Json, noise);

        Assert.Equal(ShadowPairClass.Agree, judge.Judge(Success("""{"id":"7","v":1}"""), Success("""{"id":"8","v":1}""")).Class);
        Assert.Equal(ShadowPairClass.Disagree, judge.Judge(Success("""{"id":"7","v":1}"""), Success("""{"id":"8","v":2}""")).Class);
    }

    [Fact]
    public void Judge_WholeOutputNoisy_DifferentOutputsNoisyAndEqualOutputsAgree()
    {
        var noise = NoiseProfile.Learn([("fortune: rain", "fortune: sun")]);
        var judge = new ShadowPairJudge(noise: noise);

        Assert.Equal(ShadowPairClass.Noisy, judge.Judge(Success("fortune: snow"), Success("fortune: wind")).Class);
        Assert.Equal(ShadowPairClass.Agree, judge.Judge(Success("fortune: snow"), Success("fortune: snow")).Class);
    }

    [Theory]
    [InlineData(ExecutionOutcome.ToolError)]
    [InlineData(ExecutionOutcome.Timeout)]
    [InlineData(ExecutionOutcome.BudgetExceeded)]
    [InlineData(ExecutionOutcome.InvalidOutput)]
    [InlineData(ExecutionOutcome.InvalidInput)]
    public void Judge_OldSucceedsCandidateDoesNot_CandidateBreaks(ExecutionOutcome candidateOutcome)
    {
        var judgement = s_judge.Judge(Success("{}"), Failure(candidateOutcome, "System.NullReferenceException"));

        Assert.Equal(ShadowPairClass.CandidateBreaks, judgement.Class);
        Assert.StartsWith("old Success, candidate " + candidateOutcome, judgement.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Judge_OldRejectsInputCandidateThrows_CandidateBreaks()
    {
        Assert.Equal(ShadowPairClass.CandidateBreaks, s_judge.Judge(Failure(ExecutionOutcome.InvalidInput), Failure(ExecutionOutcome.ToolError, "System.Exception")).Class);
    }

    [Theory]
    [InlineData(ExecutionOutcome.Success)]
    [InlineData(ExecutionOutcome.InvalidInput)]
    public void Judge_OldFailsCandidateSucceedsOrRejects_CandidateFixes(ExecutionOutcome candidateOutcome)
    {
        var candidate = candidateOutcome == ExecutionOutcome.Success ? Success("{}") : Failure(candidateOutcome);

        Assert.Equal(ShadowPairClass.CandidateFixes, s_judge.Judge(Failure(ExecutionOutcome.ToolError, "System.FormatException"), candidate).Class);
    }

    [Fact]
    public void Judge_BothThrowTheSameType_BothFailSame()
    {
        var judgement = s_judge.Judge(Failure(ExecutionOutcome.ToolError, "System.FormatException"), Failure(ExecutionOutcome.ToolError, "System.FormatException"));

        Assert.Equal(ShadowPairClass.BothFailSame, judgement.Class);
        Assert.Equal("old ToolError System.FormatException, candidate ToolError System.FormatException", judgement.Reason);
    }

    [Fact]
    public void Judge_BothTimeOut_BothFailSame()
    {
        Assert.Equal(ShadowPairClass.BothFailSame, s_judge.Judge(Failure(ExecutionOutcome.Timeout), Failure(ExecutionOutcome.Timeout)).Class);
    }

    [Theory]
    [InlineData(ExecutionOutcome.ToolError, "System.FormatException", ExecutionOutcome.ToolError, "System.ArgumentException")]
    [InlineData(ExecutionOutcome.ToolError, "System.FormatException", ExecutionOutcome.Timeout, null)]
    [InlineData(ExecutionOutcome.InvalidOutput, null, ExecutionOutcome.Timeout, null)]
    public void Judge_BothFailDifferently_BothFailDifferently(ExecutionOutcome oldOutcome, string? oldType, ExecutionOutcome candidateOutcome, string? candidateType)
    {
        Assert.Equal(ShadowPairClass.BothFailDifferently, s_judge.Judge(Failure(oldOutcome, oldType), Failure(candidateOutcome, candidateType)).Class);
    }

    [Fact]
    public void Judge_BothExceedDifferentBudgets_BothFailDifferently()
    {
        var steps = Failure(ExecutionOutcome.BudgetExceeded) with { Budget = ExceededBudget.Steps };
        var memory = Failure(ExecutionOutcome.BudgetExceeded) with { Budget = ExceededBudget.Memory };

        Assert.Equal(ShadowPairClass.BothFailDifferently, s_judge.Judge(steps, memory).Class);
        Assert.Equal(ShadowPairClass.BothFailSame, s_judge.Judge(steps, steps).Class);
    }

    [Fact]
    public void Judge_BothRejectInput_Agree()
    {
        Assert.Equal(ShadowPairClass.Agree, s_judge.Judge(Failure(ExecutionOutcome.InvalidInput), Failure(ExecutionOutcome.InvalidInput)).Class);
    }

    [Fact]
    public void Judge_OldRejectsInputCandidateServesIt_Disagree()
    {
        Assert.Equal(ShadowPairClass.Disagree, s_judge.Judge(Failure(ExecutionOutcome.InvalidInput), Success("{}")).Class);
    }

    internal static ExecutionResult Success(string output) => Result(ExecutionOutcome.Success, output, null);

    internal static ExecutionResult Failure(ExecutionOutcome outcome, string? exceptionType = null) =>
        Result(outcome, null, exceptionType is null ? null : new ToolErrorInfo(exceptionType, "boom", 12, "Execute"));

    private static ExecutionResult Result(ExecutionOutcome outcome, string? output, ToolErrorInfo? error) =>
        new(outcome, output, outcome == ExecutionOutcome.Success ? null : "failed", error, ExceededBudget.None, TimeSpan.FromMilliseconds(3), 100, 1_000, [], 0);
}
