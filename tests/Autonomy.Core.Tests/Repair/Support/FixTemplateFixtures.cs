using Autonomy.Abstractions.Execution;
using Autonomy.Core.Analysis;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Repair;
using Autonomy.Core.Repair.Templates;
using Autonomy.Core.Tests.Support;

namespace Autonomy.Core.Tests.Repair.Support;

/// <summary>Builds repair problems from the sample tools and runs the engine with the fix-template generator alone.</summary>
internal static class FixTemplateFixtures
{
    public static Task<string> SampleAsync(string file) => File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SampleTools, file));

    public static RepairCase Fail(string input) => new(input, RepairExpectation.Succeed, null, "execution");

    public static RepairCase Match(string input, string output) => new(input, RepairExpectation.Match, output, "feedback");

    /// <summary>The tool's declared examples, as the engine gets them.</summary>
    public static async Task<IReadOnlyList<RepairCase>> ExamplesAsync(string source)
    {
        var tool = await CompiledTools.CompileAsync(source);
        return tool.Metadata.Examples.Where(e => e.ExpectedOutput is not null)
            .Select(e => new RepairCase(e.Input, RepairExpectation.Match, e.ExpectedOutput, "example"))
            .ToList();
    }

    /// <summary>Recorded successes: the base version's own outputs, to keep.</summary>
    public static async Task<IReadOnlyList<RepairCase>> KeepAsync(string source, params string[] inputs)
    {
        var cases = new List<RepairCase>();
        foreach (var input in inputs)
        {
            var result = await RunAsync(source, input);
            Assert.True(result.Outcome == ExecutionOutcome.Success, $"{input} must succeed on the base version: {result.Message}");
            cases.Add(new RepairCase(input, RepairExpectation.Keep, result.Output, "execution"));
        }

        return cases;
    }

    public static async Task<ExecutionResult> RunAsync(string source, string input) =>
        await new ToolExecutor().ExecuteAsync(await CompiledTools.CompileAsync(source), input);

    public static async Task<RepairResult> RepairAsync(RepairProblem problem)
    {
        var options = new RepairOptions { MaxSeconds = 120 };
        using var evaluator = new CandidateEvaluator(new ToolCompiler(), new ToolExecutor(), options);
        var engine = new RepairEngine([new FixTemplateGenerator()], options, TimeProvider.System);
        return await engine.RepairAsync(problem, evaluator);
    }

    public static async Task<IReadOnlyList<RepairCandidate>> CandidatesAsync(RepairProblem problem)
    {
        var options = new RepairOptions();
        using var evaluator = new CandidateEvaluator(new ToolCompiler(), new ToolExecutor(), options);
        var candidates = new List<RepairCandidate>();
        await foreach (var candidate in new FixTemplateGenerator().GenerateAsync(problem, new RepairContext(evaluator, options, null), CancellationToken.None))
        {
            candidates.Add(candidate);
        }

        return candidates;
    }

    /// <summary>An investigation with one error cluster at a line, as the investigator would report it.</summary>
    public static ToolInvestigation Investigation(string tool, string exceptionType, string message, int line, string lineText, string exampleInput, params InputFeatureFinding[] features)
    {
        var now = new DateTimeOffset(2025, 1, 10, 0, 0, 0, TimeSpan.Zero);
        var pattern = new ErrorPattern($"ToolError {exceptionType}@{line}", "ToolError", exceptionType, message, line, "ExecuteAsync", 20, 1.0, [1],
            now.AddDays(-1), now, Guid.NewGuid(), message, exampleInput);
        var site = new ThrowSite(line, lineText, "ExecuteAsync", "InvocationExpression", lineText, "throws");
        var statistics = new VersionStatistics(1, now.AddDays(-7), now, new OutcomeMix(80, 20, 0, 0, 0, 0, 0), new RateInterval(80, 100, 0.8, 0.71, 0.87), 14,
            new SuccessTrend(TrendDirection.Stable, 0, 0, 7), null);
        var analysis = new ToolAnalysis(tool, now.AddDays(-7), now, statistics, [statistics], [pattern], 20, 3, now, true, ["failures"], []);
        var template = FixTemplates.For(exceptionType, message);
        return new ToolInvestigation(tool, 1, now.AddDays(-7), now, InvestigationVerdict.Defect, true, "defect", 0.9, [], [new ErrorClusterFinding(pattern, site)],
            features, null, new CallerFaultSummary(0, 20, 0, []), new RepairSuggestion(RepairStrategyKind.FixTemplate, template, [line], "apply the template"), analysis, null);
    }

    public static InputFeatureFinding Feature(string field, string feature, string example) =>
        new(field, feature, $"`{field}` {feature}", new FeatureCounts(20, 20), new FeatureCounts(80, 0), 5, 1, example);
}
