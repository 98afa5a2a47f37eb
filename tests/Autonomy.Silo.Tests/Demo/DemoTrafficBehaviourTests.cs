using Autonomy.Abstractions.Execution;
using Autonomy.Core.Execution;

namespace Autonomy.Silo.Tests.Demo;

/// <summary>
/// What the sample tools, the correct versions of the defective ones, and the demo's bad slugify do on the demo's
/// traffic: the traffic is valid, its expected outputs are right, the defects fire on a realistic share, and the bad
/// deploy breaks a substantial share of slugify's traffic while the sample handles all of it.
/// </summary>
public sealed class DemoTrafficBehaviourTests(DemoSamplesFixture samples) : IClassFixture<DemoSamplesFixture>
{
    public static TheoryData<string> Tools { get; } = [.. DemoFiles.Plan().Tools.Select(t => t.Name)];

    public static TheoryData<string> DefectiveTools { get; } = [.. DemoFiles.DefectiveTools.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Tools))]
    public async Task Sample_EveryTrafficInput_IsAcceptedAndOnlyDefectsFail(string tool)
    {
        var results = await samples.RunTrafficAsync(await samples.CompileAsync(DemoFiles.SampleSource(tool)), tool);

        Assert.All(results, r => Assert.NotEqual(ExecutionOutcome.InvalidInput, r.Result.Outcome));
        var expected = DemoFiles.DefectiveTools.Contains(tool) ? [ExecutionOutcome.Success, ExecutionOutcome.ToolError] : new[] { ExecutionOutcome.Success };
        Assert.All(results, r => Assert.Contains(r.Result.Outcome, expected));
    }

    [Theory]
    [MemberData(nameof(Tools))]
    public async Task CorrectTool_EveryTrafficInput_SucceedsWithTheExpectedOutput(string tool)
    {
        var source = DemoFiles.DefectiveTools.Contains(tool) ? DemoFiles.FixedSource(tool) : DemoFiles.SampleSource(tool);

        var results = await samples.RunTrafficAsync(await samples.CompileAsync(source), tool);

        Assert.All(results, r => Assert.Equal(ExecutionOutcome.Success, r.Result.Outcome));
        Assert.All(
            results.Where(r => r.Input.Expected is not null),
            r => Assert.True(ExampleRunner.JsonEquals(r.Input.Expected, r.Result.Output), $"{r.Input.Json}: expected {r.Input.Expected}, got {r.Result.Output}"));
    }

    [Theory]
    [MemberData(nameof(DefectiveTools))]
    public async Task DefectiveSample_TrafficByWeight_TriggersTheDefectOnThirtyFiveToFiftyPercent(string tool)
    {
        var results = await samples.RunTrafficAsync(await samples.CompileAsync(DemoFiles.SampleSource(tool)), tool);

        var failing = results.Where(r => r.Result.Outcome == ExecutionOutcome.ToolError).Sum(r => r.Input.Weight);
        Assert.True(failing / results.Sum(r => r.Input.Weight) is >= 0.35 and <= 0.5, $"{failing / results.Sum(r => r.Input.Weight):F3}: " + string.Join(" ; ", results.Where(r => r.Result.Outcome == ExecutionOutcome.ToolError).Select(r => r.Input.Json + " w" + r.Input.Weight)));
        Assert.Contains(results, r => r.Result.Outcome == ExecutionOutcome.ToolError && r.Input.Expected is not null);
    }

    [Fact]
    public async Task BadSlugify_DefaultPolicy_CompilesAndPassesItsExamples()
    {
        var bad = await samples.CompileAsync(await File.ReadAllTextAsync(DemoFiles.BadSlugify));

        Assert.Equal("slugify", bad.Metadata.Name);
        var examples = await samples.Examples().RunAsync(bad);
        Assert.NotEmpty(examples);
        Assert.All(examples, e => Assert.True(e.Passed, $"{e.Example.Input}: {e.Result.Outcome} {e.Result.Output}"));
    }

    [Fact]
    public async Task BadSlugify_SlugifyTraffic_FailsOnAboutHalfWhereTheSampleSucceedsOnAll()
    {
        var good = await samples.RunTrafficAsync(await samples.CompileAsync(DemoFiles.SampleSource("slugify")), "slugify");
        var bad = await samples.RunTrafficAsync(await samples.CompileAsync(await File.ReadAllTextAsync(DemoFiles.BadSlugify)), "slugify");

        Assert.All(good, r => Assert.Equal(ExecutionOutcome.Success, r.Result.Outcome));
        var failed = bad.Where(r => r.Result.CountsAsToolFailure).ToList();
        Assert.All(failed, r => Assert.Equal(ExecutionOutcome.ToolError, r.Result.Outcome));
        Assert.InRange((double)failed.Count / bad.Count, 0.4, 0.5);
        Assert.InRange(failed.Sum(r => r.Input.Weight) / bad.Sum(r => r.Input.Weight), 0.4, 0.5);

        // The regression changes no output it still produces: it fails, it does not lie.
        Assert.All(
            bad.Zip(good).Where(p => p.First.Result.Outcome == ExecutionOutcome.Success),
            p => Assert.Equal(p.Second.Result.Output, p.First.Result.Output));
        Assert.Contains(failed, r => r.Input.Expected is not null);
    }
}
