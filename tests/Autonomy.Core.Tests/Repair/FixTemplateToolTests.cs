using Autonomy.Abstractions.Execution;
using Autonomy.Core.Execution;
using Autonomy.Core.Repair;
using Autonomy.Core.Repair.Templates;
using Autonomy.Core.Tests.Support;
using static Autonomy.Core.Tests.Repair.Support.FixTemplateFixtures;

namespace Autonomy.Core.Tests.Repair;

/// <summary>The templates beyond the four sample defects, each on a small tool, through the engine.</summary>
public sealed class FixTemplateToolTests
{
    [Fact]
    public async Task Repair_MaxOfEmptyList_ReadsDefaultIfEmpty()
    {
        var source = ToolSource.With("""
            var xs = input!["xs"]!.AsArray().Select(n => n!.GetValue<int>()).ToList();
            return new JsonObject { ["max"] = xs.Max() };
            """);

        var result = await RepairAsync(await ProblemAsync(source, """{"xs": []}""", """{"xs": [1, 3, 2]}""", """{"xs": [5]}"""));

        Assert.NotNull(result.Accepted);
        Assert.Contains("xs.DefaultIfEmpty().Max()", result.Accepted.Source, StringComparison.Ordinal);
        await AssertOutputAsync(result.Accepted.Source, """{"xs": []}""", """{"max": 0}""");
    }

    [Fact]
    public async Task Repair_DivisionByZero_GuardsTheDivisor()
    {
        var source = ToolSource.With("""
            var total = input!["total"]!.GetValue<int>();
            var parts = input!["parts"]!.GetValue<int>();
            return new JsonObject { ["each"] = total / parts };
            """);

        var result = await RepairAsync(await ProblemAsync(source, """{"total": 10, "parts": 0}""", """{"total": 10, "parts": 3}""", """{"total": 9, "parts": 9}"""));

        Assert.NotNull(result.Accepted);
        Assert.Contains("parts == 0 ?", result.Accepted.Source, StringComparison.Ordinal);
        Assert.NotEqual(ExecutionOutcome.ToolError, (await RunAsync(result.Accepted.Source, """{"total": 10, "parts": 0}""")).Outcome);
    }

    [Fact]
    public async Task Repair_DecimalCommaNumber_FallsBackToTheInputsCulture()
    {
        var source = ToolSource.With("""
            var text = input!["amount"]!.GetValue<string>();
            return new JsonObject { ["amount"] = decimal.Parse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture) };
            """);
        var problem = await ProblemAsync(source, """{"amount": "3,5"}""", """{"amount": "2.25"}""", """{"amount": "-7"}""");
        problem = problem with { Cases = [.. problem.Cases, Match("""{"amount": "1.234,5"}""", """{"amount": 1234.5}""")] };

        var result = await RepairAsync(problem);

        Assert.NotNull(result.Accepted);
        Assert.Contains("GetCultureInfo(\"de-DE\")", result.Accepted.Source, StringComparison.Ordinal);
        await AssertOutputAsync(result.Accepted.Source, """{"amount": "3,5"}""", """{"amount": 3.5}""");
    }

    [Fact]
    public async Task Repair_NumberSentAsText_RefusesTheWrongKind()
    {
        var source = ToolSource.With("""
            var n = input!["n"]!.GetValue<int>();
            return new JsonObject { ["double"] = n * 2 };
            """);

        var result = await RepairAsync(await ProblemAsync(source, """{"n": "5"}""", """{"n": 5}""", """{"n": -1}"""));

        Assert.NotNull(result.Accepted);
        Assert.Contains("TryGetValue<int>", result.Accepted.Source, StringComparison.Ordinal);
        var refused = await RunAsync(result.Accepted.Source, """{"n": "5"}""");
        Assert.Equal(ExecutionOutcome.InvalidInput, refused.Outcome);
        Assert.Contains("'n' must be an integer", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InferFormats_DayFirstValues_SwapsDayAndMonthFirst()
    {
        var formats = ParseFormatsTemplate.InferFormats("M/d/yyyy", ["25/12/2024", "13/01/2025", "03/05/2024"], []);

        Assert.Equal("d/M/yyyy", formats[0]);
        Assert.DoesNotContain("M/d/yyyy", formats);
    }

    [Fact]
    public async Task GenerateAsync_TwoDefectsOnDifferentLines_YieldsOneCandidateFixingBoth()
    {
        var source = ToolSource.With("""
            var total = input!["total"]!.GetValue<int>();
            var parts = input!["parts"]!.GetValue<int>();
            var scale = input!["scale"]!.GetValue<int>();
            return new JsonObject { ["each"] = total / parts * scale };
            """, attributes: """

            [ToolInputSchema("{ \"type\": \"object\", \"properties\": { \"total\": { \"type\": \"integer\" }, \"parts\": { \"type\": \"integer\" }, \"scale\": { \"type\": \"integer\", \"default\": 1 } }, \"required\": [\"total\", \"parts\"] }")]
            """);
        var problem = new RepairProblem("test_tool", 1, source, null,
            [
                Fail("""{"total": 10, "parts": 0, "scale": 1}"""), Match("""{"total": 10, "parts": 5}""", """{"each": 2}"""),
                .. await KeepAsync(source, """{"total": 10, "parts": 3, "scale": 2}"""),
            ],
            []);

        var result = await RepairAsync(problem);

        Assert.NotNull(result.Accepted);
        Assert.Contains("?? 1", result.Accepted.Source, StringComparison.Ordinal);
        Assert.Contains("parts == 0", result.Accepted.Source, StringComparison.Ordinal);
        Assert.Contains(";", result.Accepted.Rationale, StringComparison.Ordinal);
    }

    private static async Task<RepairProblem> ProblemAsync(string source, string failing, params string[] passing) =>
        new("test_tool", 1, source, null, [Fail(failing), .. await KeepAsync(source, passing)], []);

    private static async Task AssertOutputAsync(string source, string input, string expected)
    {
        var result = await RunAsync(source, input);
        Assert.Equal(ExecutionOutcome.Success, result.Outcome);
        Assert.True(ExampleRunner.JsonEquals(expected, result.Output), $"{input} gave {result.Output}, expected {expected}");
    }
}
