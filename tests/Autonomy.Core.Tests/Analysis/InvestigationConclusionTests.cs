using Autonomy.Core.Analysis;

namespace Autonomy.Core.Tests.Analysis;

/// <summary>The verdict rules of <see cref="InvestigationConclusion"/> on hand-built evidence.</summary>
public sealed class InvestigationConclusionTests
{
    private static readonly DateTimeOffset End = new(2026, 3, 31, 0, 0, 0, TimeSpan.Zero);
    private static readonly AnalysisOptions Options = new();

    [Fact]
    public void Decide_InvalidInputDominatesHealthyTool_IsCallerFaultWithoutRepair()
    {
        var stats = Stats(2, success: 95, toolError: 1, invalidInput: 60);
        var evidence = Evidence(stats, callers: new CallerFaultSummary(60, 1, 60.0 / 61, ["'code' is required."]));

        var (verdict, improve, cause, confidence, _, repair) = InvestigationConclusion.Decide(evidence, Options);

        Assert.Equal(InvestigationVerdict.CallerFault, verdict);
        Assert.False(improve);
        Assert.Equal(0.95, confidence);
        Assert.Equal(RepairStrategyKind.None, repair.Kind);
        Assert.StartsWith("The failures are the callers': 60 executions were invalid input against 1 failures of the tool itself (98 % caller faults). Most common: \"'code' is required.\"", cause, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FewExecutions_IsInsufficientData()
    {
        var evidence = Evidence(Stats(1, success: 3, toolError: 6));

        var (verdict, improve, cause, confidence, facts, repair) = InvestigationConclusion.Decide(evidence, Options);

        Assert.Equal(InvestigationVerdict.InsufficientData, verdict);
        Assert.False(improve);
        Assert.Equal(0.2, confidence);
        Assert.Equal("Only 9 attributable executions in the window (at least 10 are needed to judge the tool).", cause);
        Assert.Equal(RepairStrategyKind.None, repair.Kind);
        Assert.Equal("version 1: 9 attributable executions, success rate 33 % (95 % interval 12 %–65 %)", facts[0]);
    }

    [Fact]
    public void Decide_FewExecutionsButManyInvalidInputs_IsCallerFault()
    {
        var evidence = Evidence(Stats(1, success: 3, toolError: 1, invalidInput: 20), callers: new CallerFaultSummary(20, 1, 20.0 / 21, []));

        Assert.Equal(InvestigationVerdict.CallerFault, InvestigationConclusion.Decide(evidence, Options).Verdict);
    }

    [Fact]
    public void Decide_RareFailuresWithoutExplainingFeature_IsHealthy()
    {
        var stats = Stats(1, success: 995, toolError: 5);
        var cluster = Cluster("System.InvalidOperationException", "Collection was modified", line: 30, count: 5);

        var (verdict, improve, cause, confidence, _, repair) = InvestigationConclusion.Decide(Evidence(stats, clusters: [cluster]), Options);

        Assert.Equal(InvestigationVerdict.Healthy, verdict);
        Assert.False(improve);
        Assert.Equal(0.95, confidence);
        Assert.Equal(RepairStrategyKind.None, repair.Kind);
        Assert.Equal("The tool is healthy: 100 % success over 1000 executions (95 % interval 99 %–100 %); its 5 failures show no pattern that an input feature explains.", cause);
    }

    [Fact]
    public void Decide_CorrectButSlowTool_IsSlowNotRepaired()
    {
        var stats = Stats(1, success: 200, toolError: 0, p95: 2_500, p99: 4_000);

        var (verdict, improve, cause, confidence, _, repair) = InvestigationConclusion.Decide(Evidence(stats), Options);

        Assert.Equal(InvestigationVerdict.Slow, verdict);
        Assert.False(improve);
        Assert.Equal(0.8, confidence);
        Assert.Equal(RepairStrategyKind.None, repair.Kind);
        Assert.Equal("The tool is correct (100 % success over 200 executions) but slow: p95 2500 ms, p99 4000 ms, above the 1000 ms threshold. This is a performance problem, not a defect the repair engine fixes.", cause);
    }

    [Fact]
    public void Decide_ClusterExplainedByFeature_IsDefectWithParseFormatsTemplate()
    {
        // 75 % success is above the threshold: the pattern alone (a big cluster and a feature failing at 100 %) makes it a defect.
        var stats = Stats(1, success: 150, toolError: 50);
        var site = new ThrowSite(59, "date = DateTime.ParseExact(text, \"M/d/yyyy\", CultureInfo.InvariantCulture);", "ExecuteAsync", "InvocationExpression",
            "DateTime.ParseExact(text, \"M/d/yyyy\", CultureInfo.InvariantCulture)", "`ParseExact` throws FormatException");
        var cluster = Cluster("System.FormatException", "The DateTime represented by the string '25/12/2024' is not supported in calendar 'x'.", line: 59, count: 50, site: site);
        var feature = Feature("fails on 100 % of inputs whose `date` field uses dd/MM/yyyy (50 of 50), 0 % otherwise (0 of 150)", new FeatureCounts(50, 50), coverage: 1);

        var (verdict, improve, cause, confidence, facts, repair) = InvestigationConclusion.Decide(Evidence(stats, clusters: [cluster], features: [feature]), Options);

        Assert.Equal(InvestigationVerdict.Defect, verdict);
        Assert.True(improve);
        Assert.Equal(0.9, confidence);
        Assert.Equal(
            "FormatException at line 59 (`DateTime.ParseExact(text, \"M/d/yyyy\", CultureInfo.InvariantCulture)`): `ParseExact` throws FormatException. It accounts for 100 % of the sampled failures (50). "
            + "Fails on 100 % of inputs whose `date` field uses dd/MM/yyyy (50 of 50), 0 % otherwise (0 of 150).",
            cause);
        Assert.Equal(RepairStrategyKind.FixTemplate, repair.Kind);
        Assert.Equal(FixTemplates.ParseFormats, repair.Template);
        Assert.Equal([59], repair.SuspiciousLines);
        Assert.Contains(facts, f => f.EndsWith("— line 59: " + site.LineText, StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_LowRateWithoutTemplate_IsDefectWithMutationSearch()
    {
        var stats = Stats(1, success: 40, toolError: 60);
        var cluster = Cluster("System.InvalidOperationException", "Collection was modified", line: 30, count: 60);

        var (verdict, improve, _, _, _, repair) = InvestigationConclusion.Decide(Evidence(stats, clusters: [cluster]), Options);

        Assert.Equal(InvestigationVerdict.Defect, verdict);
        Assert.True(improve);
        Assert.Equal(RepairStrategyKind.MutationSearch, repair.Kind);
        Assert.Null(repair.Template);
        Assert.Equal([30], repair.SuspiciousLines);
    }

    [Fact]
    public void Decide_OnsetAtInvestigatedVersionDeploy_IsRegressionPointingAtPreviousVersion()
    {
        var current = Stats(2, success: 40, toolError: 60);
        var previous = Stats(1, success: 990, toolError: 10);
        var cluster = Cluster("System.NullReferenceException", "Object reference not set to an instance of an object.", line: 44, count: 60, share: 0.6);
        var onset = new FailureOnset(OnsetMethod.ChangePoint, End.AddDays(-2), 0.01, 0.6, 1000, 100, 150, 2, End.AddDays(-2).AddMinutes(-5),
            "regression introduced by version 2 (live from 2026-03-28 23:55 UTC): failure rate 1 % before (10 of 1000), 60 % after (60 of 100)");

        var (verdict, improve, cause, confidence, _, repair) = InvestigationConclusion.Decide(Evidence(current, clusters: [cluster], onset: onset, previous: previous), Options);

        Assert.Equal(InvestigationVerdict.Regression, verdict);
        Assert.True(improve);

        // 0.4 + 0.1 (cluster share 60 %) + 0.1 (regression); no throw site, no feature.
        Assert.Equal(0.6, confidence);
        Assert.EndsWith("Regression introduced by version 2 (live from 2026-03-28 23:55 UTC): failure rate 1 % before (10 of 1000), 60 % after (60 of 100).", cause, StringComparison.Ordinal);
        Assert.Equal(FixTemplates.NullGuard, repair.Template);
        Assert.EndsWith(" The diff against version 1, which worked, holds the fault.", repair.Rationale, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OnsetAtOtherVersion_IsDefectNotRegression()
    {
        var current = Stats(2, success: 40, toolError: 60);
        var previous = Stats(1, success: 990, toolError: 10);
        var cluster = Cluster("System.NullReferenceException", null, line: 44, count: 60);
        var onset = new FailureOnset(OnsetMethod.ChangePoint, End.AddDays(-2), 0.01, 0.6, 1000, 100, 150, null, null, "failures began …; no deploy coincides");

        Assert.Equal(InvestigationVerdict.Defect, InvestigationConclusion.Decide(Evidence(current, clusters: [cluster], onset: onset, previous: previous), Options).Verdict);
    }

    [Fact]
    public void Decide_DominantWrongOutputCluster_IsWrongOutputWithMutationSearch()
    {
        var stats = Stats(1, success: 100, toolError: 0, feedbackWrong: 40);
        var cluster = new ErrorClusterFinding(
            new ErrorPattern("WrongOutput: output reported wrong", ErrorPatternClusterer.WrongOutput, null, "output reported wrong", null, null, 40, 1, [1], End.AddDays(-1), End, Guid.NewGuid(), null, null),
            null);

        var (verdict, improve, cause, _, _, repair) = InvestigationConclusion.Decide(Evidence(stats, clusters: [cluster]), Options);

        Assert.Equal(InvestigationVerdict.WrongOutput, verdict);
        Assert.True(improve);
        Assert.StartsWith("Callers reported 40 outputs wrong", cause, StringComparison.Ordinal);
        Assert.Equal(RepairStrategyKind.MutationSearch, repair.Kind);
    }

    [Fact]
    public void Decide_FailureStreakOnHealthyRate_IsDefect()
    {
        var stats = Stats(1, success: 950, toolError: 50);

        var (verdict, improve, _, _, _, _) = InvestigationConclusion.Decide(Evidence(stats, streak: Options.FailureStreak), Options);

        Assert.Equal(InvestigationVerdict.Defect, verdict);
        Assert.True(improve);
    }

    private static VersionStatistics Stats(int version, long success, long toolError, long invalidInput = 0, long feedbackWrong = 0, double p95 = 80, double p99 = 120)
    {
        var outcomes = new OutcomeMix(success, toolError, 0, 0, 0, invalidInput, feedbackWrong);
        return new VersionStatistics(
            version,
            End.AddDays(-30),
            End.AddHours(-1),
            outcomes,
            RateInterval.Wilson(outcomes.CorrectSuccesses, outcomes.Attributable),
            outcomes.Total / 30.0,
            new SuccessTrend(TrendDirection.Stable, 0, 0.01, 30),
            new LatencySummary(50, 45, p95, p99, p99 * 2));
    }

    private static ErrorClusterFinding Cluster(string type, string? message, int line, int count, ThrowSite? site = null, double share = 1) =>
        new(
            new ErrorPattern(
                $"ToolError {type[(type.LastIndexOf('.') + 1)..]}@{line}: {ErrorMessageNormalizer.Normalize(message)}",
                "ToolError", type, ErrorMessageNormalizer.Normalize(message), line, "ExecuteAsync", count, share,
                [1], End.AddDays(-3), End.AddHours(-1), Guid.NewGuid(), message, "{}"),
            site);

    private static InputFeatureFinding Feature(string description, FeatureCounts with, double coverage) =>
        new("date", "date:dd/MM/yyyy", description, with, new FeatureCounts(150, 0), 4, coverage, "\"25/12/2024\"");

    private static InvestigationEvidence Evidence(
        VersionStatistics stats,
        IReadOnlyList<ErrorClusterFinding>? clusters = null,
        IReadOnlyList<InputFeatureFinding>? features = null,
        FailureOnset? onset = null,
        CallerFaultSummary? callers = null,
        VersionStatistics? previous = null,
        int streak = 0)
    {
        var analysis = new ToolAnalysis("tool", End.AddDays(-30), End, stats, previous is null ? [stats] : [previous, stats], [], 0, streak, null, false, [], []);
        return new InvestigationEvidence(
            stats.Version,
            stats,
            analysis,
            clusters ?? [],
            features ?? [],
            onset,
            callers ?? new CallerFaultSummary(stats.Outcomes.InvalidInput, stats.Outcomes.Failures, 0, []),
            previous);
    }
}
