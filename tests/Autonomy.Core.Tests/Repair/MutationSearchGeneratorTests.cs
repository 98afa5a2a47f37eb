using Autonomy.Core.Repair;
using Autonomy.Core.Tests.Repair.MutationSupport;
using Xunit.Abstractions;

namespace Autonomy.Core.Tests.Repair;

public sealed class MutationSearchGeneratorTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(MutationScenarios.Names), MemberType = typeof(MutationScenarios))]
    public async Task RepairAsync_OneLineDefect_AcceptsTheCorrectFixWithoutRegressions(string name)
    {
        var scenario = MutationScenarios.All[name];
        var problem = await MutationFixtures.ProblemAsync(scenario);

        var (result, statistics, _) = await MutationFixtures.RepairAsync(problem);

        output.WriteLine($"{name}: {result.Verdict}");
        output.WriteLine($"compiles {statistics.SchemaCompiles}, generated {statistics.MutantsGenerated}, compiled {statistics.MutantsCompiled}, "
            + $"singles {statistics.SinglesEvaluated}, pairs {statistics.PairsEvaluated}, executions {statistics.CaseExecutions}, budget stops {statistics.BudgetStops}, "
            + $"search {statistics.Search.TotalMilliseconds:F0} ms, {statistics.CandidatesPerSecond:F0} candidates/s ({statistics.EvaluatedPerSecond:F0}/s running), localisation {statistics.Localisation.TotalMilliseconds:F0} ms");
        Assert.NotNull(result.Accepted);
        Assert.Equal("mutation", result.Accepted.Generator);
        Assert.Equal(0, result.Evaluation!.Regressions);
        Assert.All(result.Evaluation.Results.Where(r => r.Case.Expectation == RepairExpectation.Keep), r => Assert.True(r.Passed, r.Case.Input));
        Assert.Empty(await MutationFixtures.DisagreementsAsync(scenario.Reference, result.Accepted.Source, [.. scenario.Given, .. scenario.HeldBack, .. scenario.Hidden]));
    }

    [Fact]
    public async Task RepairAsync_LoopingMutants_CostOnlyTheirStepBudget()
    {
        // Deleting or reversing `i++` in the counting loop makes it infinite: those mutants must stop at the step budget.
        var problem = await MutationFixtures.ProblemAsync(MutationScenarios.WrongOperator);

        var (result, statistics, _) = await MutationFixtures.RepairAsync(problem);

        Assert.NotNull(result.Accepted);
        Assert.True(statistics.BudgetStops > 0, "no mutant ran into the step budget");
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(30), $"the search took {result.Elapsed}");
    }

    [Fact]
    public async Task RepairAsync_MutantSchema_CompilesFarFewerTimesThanItEvaluatesMutants()
    {
        var problem = await MutationFixtures.ProblemAsync(MutationScenarios.MissingCondition);

        var (_, statistics, progress) = await MutationFixtures.RepairAsync(problem);

        output.WriteLine($"compiles {statistics.SchemaCompiles}, singles {statistics.SinglesEvaluated}, {statistics.CandidatesPerSecond:F0} candidates/s");
        // One coverage build and one or two schema builds serve every mutant; compiling each mutant would cost one build per mutant.
        Assert.True(statistics.SchemaCompiles <= 4, $"{statistics.SchemaCompiles} schema compiles");
        Assert.True(statistics.SinglesEvaluated >= 10 * statistics.SchemaCompiles, $"{statistics.SinglesEvaluated} mutants for {statistics.SchemaCompiles} compiles");
        Assert.True(statistics.CompilesPerMutant < 0.1, $"{statistics.CompilesPerMutant} compiles per mutant");
        Assert.Contains(progress, p => p.Generator == "mutation" && p.Stage == "localising");
        Assert.Contains(progress, p => p.Generator == "mutation" && p.Stage == "single edits");
    }

    [Fact]
    public async Task RepairAsync_DefectInOneBranch_OchiaiRanksTheDefectiveLineFirst()
    {
        const string body = """
        var x = input!["x"]!.GetValue<int>();
        int result;
        if (x > 10)
        {
            result = x * FACTOR;
        }
        else
        {
            result = x * 2;
        }

        return Done(new JsonObject { ["result"] = result });
""";
        var scenario = new MutationScenario(
            "branch",
            MutationScenario.Tool(body.Replace("FACTOR", "2", StringComparison.Ordinal)),
            MutationScenario.Tool(body.Replace("FACTOR", "3", StringComparison.Ordinal)),
            ["""{"x":1}""", """{"x":11}""", """{"x":5}""", """{"x":20}""", """{"x":10}"""],
            [],
            ["""{"x":30}"""]);
        var problem = await MutationFixtures.ProblemAsync(scenario);

        var (result, statistics, _) = await MutationFixtures.RepairAsync(problem);

        var defectiveLine = MutationScenario.BodyLine + 4;
        output.WriteLine($"{result.Verdict}; compiles {statistics.SchemaCompiles}, generated {statistics.MutantsGenerated}, compiled {statistics.MutantsCompiled}, singles {statistics.SinglesEvaluated}, pairs {statistics.PairsEvaluated}");
        Assert.Equal(defectiveLine, statistics.Ranking[0].Line);
        Assert.Equal(1.0, statistics.Ranking[0].Score, 6);
        Assert.True(statistics.Ranking.Skip(1).All(l => l.Score < 1.0));
        Assert.NotNull(result.Accepted);
        Assert.StartsWith($"line {defectiveLine}:", result.Accepted.Rationale, StringComparison.Ordinal);
    }
}
