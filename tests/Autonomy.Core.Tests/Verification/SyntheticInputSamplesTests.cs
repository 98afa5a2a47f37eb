using System.Text.Json;
using Autonomy.Abstractions.Execution;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Tests.Samples;
using Autonomy.Core.Tests.Support;
using Autonomy.Core.Verification;

namespace Autonomy.Core.Tests.Verification;

/// <summary>The generator makes sensible inputs for every sample tool's real schema, and the tools run them.</summary>
public sealed class SyntheticInputSamplesTests
{
    public static TheoryData<string> SampleFiles() => SampleToolsTests.SampleFiles();

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Generate_SampleSchemaSeededWithFirstExample_ValidBaselineAndEveryFieldProbed(string file)
    {
        var tool = await CompiledTools.CompileAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SampleTools, file)));
        var schemaText = Assert.IsType<string>(tool.Metadata.InputSchema);
        Assert.True(ToolSchema.TryCreate(schemaText, out var schema, out var error), error);
        var seed = tool.Metadata.Examples[0].Input;

        var inputs = SyntheticInputGenerator.Generate(schemaText, seed);

        Assert.InRange(inputs.Count, 5, SyntheticInputGenerator.DefaultMaxInputs);
        Assert.Equal(inputs.Count, inputs.Select(i => i.Json).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(SyntheticInputKind.Baseline, inputs[0].Kind);
        Assert.True(ExampleRunner.JsonEquals(seed, inputs[0].Json));
        foreach (var input in inputs.Where(i => i.Kind is SyntheticInputKind.Baseline or SyntheticInputKind.FieldOmitted or SyntheticInputKind.EnumValue))
        {
            Assert.Empty(Validate(schema!, input.Json));
        }

        using var document = JsonDocument.Parse(schemaText);
        foreach (var property in document.RootElement.GetProperty("properties").EnumerateObject())
        {
            Assert.Contains(inputs, i => i.Kind != SyntheticInputKind.Baseline && i.Description.StartsWith(property.Name + " ", StringComparison.Ordinal));
        }

        var executor = new ToolExecutor();
        var baseline = await executor.ExecuteAsync(tool, inputs[0].Json);
        Assert.Equal(ExecutionOutcome.Success, baseline.Outcome);
        foreach (var input in inputs.Skip(1))
        {
            var result = await executor.ExecuteAsync(tool, input.Json);
            Assert.True(result.Outcome is not (ExecutionOutcome.Timeout or ExecutionOutcome.BudgetExceeded), $"{input.Description}: {result.Outcome} {result.Message}");
        }
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public async Task Generate_SampleSchemaWithoutSeed_BaselineIsValid(string file)
    {
        var tool = await CompiledTools.CompileAsync(await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SampleTools, file)));
        Assert.True(ToolSchema.TryCreate(tool.Metadata.InputSchema!, out var schema, out var error), error);

        var inputs = SyntheticInputGenerator.Generate(tool.Metadata.InputSchema);

        Assert.Equal("baseline from the schema", inputs[0].Description);
        Assert.Empty(Validate(schema!, inputs[0].Json));
    }

    private static IReadOnlyList<string> Validate(ToolSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        return schema.Validate(document.RootElement);
    }
}
