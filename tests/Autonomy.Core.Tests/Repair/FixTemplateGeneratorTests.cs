using Autonomy.Abstractions.Execution;
using Autonomy.Core.Execution;
using Autonomy.Core.Repair;
using Autonomy.Core.Repair.Templates;
using Autonomy.Core.Tests.Support;
using static Autonomy.Core.Tests.Repair.Support.FixTemplateFixtures;

namespace Autonomy.Core.Tests.Repair;

/// <summary>Real engine runs of the fix-template generator on the four documented sample defects (samples/tools/DEFECTS.md).</summary>
public sealed class FixTemplateGeneratorTests
{
    [Fact]
    public async Task Repair_UnitConvertMissingPrecision_WithoutInvestigation_UsesSchemaDefault()
    {
        var source = await SampleAsync("unit_convert.cs");
        var keep = await KeepAsync(source, """{"value": 1, "from": "m", "to": "cm", "precision": 2}""", """{"value": 0, "from": "C", "to": "K", "precision": 2}""",
            """{"value": 12, "from": "in", "to": "ft", "precision": 3}""", """{"value": 1, "from": "t", "to": "kg", "precision": 1}""");
        var problem = new RepairProblem("unit_convert", 1, source, null,
            [
                Fail("""{"value": 5, "from": "km", "to": "mi"}"""), Fail("""{"value": 20, "from": "C", "to": "F"}"""),
                Fail("""{"value": 1, "from": "kg", "to": "lb"}"""), Fail("""{"value": 3, "from": "m", "to": "ft"}"""),
                .. await ExamplesAsync(source), .. keep.Take(3),
            ],
            [Match("""{"value": 10, "from": "km", "to": "mi"}""", """{"value": 6.2137, "unit": "mi", "category": "length"}"""), keep[3]]);

        var result = await RepairAsync(problem);

        Assert.NotNull(result.Accepted);
        Assert.Equal(FixTemplateGenerator.GeneratorName, result.Accepted.Generator);
        Assert.Contains("""var precision = input?["precision"]?.GetValue<int>() ?? 4;""", result.Accepted.Source, StringComparison.Ordinal);
        Assert.Equal(source.Split('\n').Length, result.Accepted.Source.Split('\n').Length);
        await AssertOutputAsync(result.Accepted.Source, """{"value": 5, "from": "km", "to": "mi"}""", """{"value": 3.1069, "unit": "mi", "category": "length"}""");
        AssertNoKeptOutputChanged(result);
    }

    [Fact]
    public async Task Repair_ParseDateDayFirst_WithInvestigation_AddsDayFirstFormatAfterTheOriginal()
    {
        var source = await SampleAsync("parse_date.cs");
        var keep = await KeepAsync(source, """{"date": "07/04/2024"}""", """{"date": "2024-02-29"}""", """{"date": "5 Mar 2024"}""", """{"date": "12/11/2024"}""");
        var investigation = Investigation("parse_date", "System.FormatException",
            "The DateTime represented by the string '…' is not supported in calendar 'System.Globalization.GregorianCalendar'.", 59,
            """date = DateTime.ParseExact(text, "M/d/yyyy", CultureInfo.InvariantCulture);""", """{"date": "25/12/2024"}""",
            Feature("date", "date:dd/MM/yyyy", "25/12/2024"));
        var problem = new RepairProblem("parse_date", 1, source, investigation,
            [
                Fail("""{"date": "25/12/2024"}"""), Fail("""{"date": "13/01/2025"}"""), Fail("""{"date": "31/05/2024"}"""),
                .. await ExamplesAsync(source), .. keep.Take(3),
            ],
            [Match("""{"date": "28/02/2023"}""", """{"iso": "2023-02-28", "year": 2023, "month": 2, "day": 28, "dayOfWeek": "Tuesday", "dayOfYear": 59}"""), keep[3]]);

        var result = await RepairAsync(problem);

        Assert.NotNull(result.Accepted);
        Assert.Contains("""DateTime.ParseExact(text, new[] { "M/d/yyyy", "d/M/yyyy" }, CultureInfo.InvariantCulture, DateTimeStyles.None)""", result.Accepted.Source, StringComparison.Ordinal);
        await AssertOutputAsync(result.Accepted.Source, """{"date": "25/12/2024"}""",
            """{"iso": "2024-12-25", "year": 2024, "month": 12, "day": 25, "dayOfWeek": "Wednesday", "dayOfYear": 360}""");
        await AssertOutputAsync(result.Accepted.Source, """{"date": "03/05/2024"}""",
            """{"iso": "2024-03-05", "year": 2024, "month": 3, "day": 5, "dayOfWeek": "Tuesday", "dayOfYear": 65}""");
        AssertNoKeptOutputChanged(result);
    }

    [Fact]
    public async Task Repair_RomanNumeralsOffByOne_WithoutInvestigation_TightensTheGuard()
    {
        var source = await SampleAsync("roman_numerals.cs");
        var keep = await KeepAsync(source, """{"roman": "XC"}""", """{"roman": "MCMXC"}""", """{"number": 12}""", """{"roman": "XL"}""");
        var problem = new RepairProblem("roman_numerals", 1, source, null,
            [Fail("""{"roman": "XII"}"""), Fail("""{"roman": "MMXXV"}"""), Fail("""{"roman": "I"}"""), .. await ExamplesAsync(source), .. keep.Take(3)],
            [Match("""{"roman": "VIII"}""", """{"number": 8, "roman": "VIII"}"""), keep[3]]);

        var result = await RepairAsync(problem);

        Assert.NotNull(result.Accepted);
        Assert.Equal(1, result.Accepted.EditSize);
        Assert.Contains("if (i < s.Length - 1 && Values.TryGetValue(s.Substring(i, 2), out var pair))", result.Accepted.Source, StringComparison.Ordinal);
        await AssertOutputAsync(result.Accepted.Source, """{"roman": "XII"}""", """{"number": 12, "roman": "XII"}""");
        AssertNoKeptOutputChanged(result);
    }

    [Fact]
    public async Task Repair_CountryInfoMissingKey_WithInvestigation_AnswersFoundFalse()
    {
        var source = await SampleAsync("country_info.cs");
        var keep = await KeepAsync(source, """{"code": "de"}""", """{"code": "US"}""", """{"code": "AU"}""", """{"code": "ZA"}""");
        var investigation = Investigation("country_info", "System.Collections.Generic.KeyNotFoundException",
            "The given key '…' was not present in the dictionary.", 68, "var country = Countries[code];", """{"code": "NZ"}""");
        var problem = new RepairProblem("country_info", 1, source, investigation,
            [Fail("""{"code": "NZ"}"""), Fail("""{"code": "PT"}"""), Fail("""{"code": "XX"}"""), .. await ExamplesAsync(source), .. keep.Take(3)],
            [Match("""{"code": "CL"}""", """{"code": "CL", "found": false}"""), keep[3]]);

        var result = await RepairAsync(problem);

        Assert.NotNull(result.Accepted);
        Assert.Contains("if (!Countries.TryGetValue(code, out var country))", result.Accepted.Source, StringComparison.Ordinal);
        Assert.Contains("""new JsonObject { ["code"] = code, ["found"] = false }""", result.Accepted.Source, StringComparison.Ordinal);
        await AssertOutputAsync(result.Accepted.Source, """{"code": "NZ"}""", """{"code": "NZ", "found": false}""");
        AssertNoKeptOutputChanged(result);
    }

    [Fact]
    public async Task Repair_WrongOutputDefect_NoTemplateApplies_AcceptsNothing()
    {
        var source = ToolSource.With("""
            var a = input!["a"]!.GetValue<int>();
            var b = input!["b"]!.GetValue<int>();
            return new JsonObject { ["sum"] = a - b };
            """);
        var problem = new RepairProblem("test_tool", 1, source, null,
            [
                Match("""{"a": 2, "b": 3}""", """{"sum": 5}"""), Match("""{"a": 1, "b": 1}""", """{"sum": 2}"""),
                .. await KeepAsync(source, """{"a": 0, "b": 0}""", """{"a": 7, "b": 0}"""),
            ],
            []);

        var result = await RepairAsync(problem);

        Assert.Null(result.Accepted);
        Assert.Equal(0, result.CandidatesTried);
    }

    [Theory]
    [InlineData("unit_convert.cs", """{"value": 5, "from": "km", "to": "mi"}""")]
    [InlineData("parse_date.cs", """{"date": "25/12/2024"}""")]
    [InlineData("roman_numerals.cs", """{"roman": "XII"}""")]
    [InlineData("country_info.cs", """{"code": "NZ"}""")]
    public async Task GenerateAsync_SampleDefect_EveryCandidateCompilesAndChangesOneSite(string file, string trigger)
    {
        var source = await SampleAsync(file);
        var problem = new RepairProblem(Path.GetFileNameWithoutExtension(file), 1, source, null, [Fail(trigger)], []);

        var candidates = await CandidatesAsync(problem);

        Assert.InRange(candidates.Count, 2, 20);
        Assert.Equal(candidates.Count, candidates.Select(c => c.Source).Distinct(StringComparer.Ordinal).Count());
        foreach (var candidate in candidates)
        {
            var compiled = await CompiledTools.Compiler.CompileAsync(candidate.Source);
            Assert.True(compiled.Succeeded, $"{candidate.Rationale}:\n{string.Join("\n", compiled.Errors)}");
            Assert.Equal(FixTemplateGenerator.GeneratorName, candidate.Generator);
            Assert.False(string.IsNullOrWhiteSpace(candidate.Rationale));
            Assert.True(candidate.EditSize > 0);
        }
    }

    private static async Task AssertOutputAsync(string source, string input, string expected)
    {
        var result = await RunAsync(source, input);
        Assert.Equal(ExecutionOutcome.Success, result.Outcome);
        Assert.True(ExampleRunner.JsonEquals(expected, result.Output), $"{input} gave {result.Output}, expected {expected}");
    }

    private static void AssertNoKeptOutputChanged(RepairResult result)
    {
        Assert.NotNull(result.Evaluation);
        Assert.Equal(0, result.Evaluation.Regressions);
        Assert.True(result.Evaluation.Plausible);
        Assert.All(result.Evaluation.Results.Where(r => r.Case.Expectation == RepairExpectation.Keep), r => Assert.True(r.Passed, r.Case.Input));
        Assert.Contains(result.Evaluation.Results, r => r.Case.Expectation == RepairExpectation.Keep);
    }
}
