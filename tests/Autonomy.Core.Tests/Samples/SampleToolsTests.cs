using System.Globalization;
using Autonomy.Abstractions.Execution;
using Autonomy.Core.Execution;
using Autonomy.Core.Tests.Support;

namespace Autonomy.Core.Tests.Samples;

/// <summary>The sample tools users find in samples/tools compile, pass their examples, and keep their documented defects.</summary>
public sealed class SampleToolsTests
{
    public static TheoryData<string> SampleFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.SampleTools, "*.cs").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void Samples_Folder_HoldsEightToTwelveTools()
    {
        Assert.InRange(SampleFiles().Count, 8, 12);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Sample_CompilesUnderPolicy_AndPassesItsExamples(string file)
    {
        var tool = await CompiledTools.CompileAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SampleTools, file)));

        var results = await new ExampleRunner(new ToolExecutor()).RunAsync(tool);

        Assert.Equal(Path.GetFileNameWithoutExtension(file), tool.Metadata.Name);
        Assert.InRange(results.Count, 2, 10);
        Assert.All(results, r => Assert.True(r.Passed, $"{r.Example.Input} gave {r.Result.Outcome} {r.Result.Output} {r.Result.Message}"));
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Sample_GivesTheSameOutputsInAnotherCulture(string file)
    {
        var tool = await CompiledTools.CompileAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SampleTools, file)));
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var results = await new ExampleRunner(new ToolExecutor()).RunAsync(tool);
            Assert.All(results, r => Assert.True(r.Passed, $"de-DE: {r.Example.Input} gave {r.Result.Outcome} {r.Result.Output} {r.Result.Message}"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData("parse_date.cs", """{"date": "25/12/2024"}""", "System.FormatException", 59)]
    [InlineData("unit_convert.cs", """{"value": 5, "from": "km", "to": "mi"}""", "System.NullReferenceException", 44)]
    [InlineData("roman_numerals.cs", """{"roman": "XII"}""", "System.ArgumentOutOfRangeException", 52)]
    [InlineData("country_info.cs", """{"code": "NZ"}""", "System.Collections.Generic.KeyNotFoundException", 68)]
    public async Task DefectiveSample_TriggerInput_FailsAtTheDocumentedLine(string file, string input, string exceptionType, int line)
    {
        var tool = await CompiledTools.CompileAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SampleTools, file)));

        var result = await new ToolExecutor().ExecuteAsync(tool, input);

        Assert.Equal(ExecutionOutcome.ToolError, result.Outcome);
        Assert.Equal(exceptionType, result.Error!.ExceptionType);
        Assert.Equal(line, result.Error.Line);
        var documented = await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SampleTools, "DEFECTS.md"));
        Assert.Contains($"`{file}:{line}`", documented, StringComparison.Ordinal);
    }
}
