using System.Text.Json.Nodes;
using Autonomy.Silo.Demo;
using Autonomy.Silo.Tests.Support;

namespace Autonomy.Silo.Tests.Demo;

/// <summary>The format of traffic files, and the repository's samples/demo/traffic.json.</summary>
public sealed class TrafficFileTests
{
    [Fact]
    public void Parse_RepositoryTrafficFile_CoversEverySampleToolAndNothingElse()
    {
        var plan = DemoFiles.Plan();

        Assert.Equal(SampleTools.Names, plan.Tools.Select(t => t.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Parse_RepositoryTrafficFile_EveryInputAndExpectedOutputIsJsonOfTheRightShape()
    {
        var plan = DemoFiles.Plan();

        Assert.All(plan.Tools, tool =>
        {
            Assert.InRange(tool.Inputs.Count, 10, 30);
            Assert.True(tool.Weight > 0);
            Assert.All(tool.Inputs, input =>
            {
                Assert.IsType<JsonObject>(JsonNode.Parse(input.Json));
                Assert.True(input.Weight > 0);
                if (input.Expected is not null)
                {
                    Assert.IsType<JsonObject>(JsonNode.Parse(input.Expected));
                }
            });
            Assert.Equal(tool.Inputs.Count, tool.Inputs.Select(i => i.Json).Distinct(StringComparer.Ordinal).Count());
        });
        Assert.Contains(plan.Tools, t => t.Inputs.Any(i => i.Expected is not null));
    }

    [Fact]
    public void Parse_WeightsAndExpectedOutputs_KeepsThemWithDefaultsOfOne()
    {
        var plan = TrafficPlan.Parse("""
            {"tools": {
              "b_tool": {"weight": 3, "inputs": [{"input": {"text": "Ça va"}, "weight": 2.5, "expected": {"slug": "ca-va"}}]},
              "a_tool": {"inputs": [{"input": {"n": 1}}, {"input": [1, 2]}]}
            }}
            """);

        Assert.Equal(["b_tool", "a_tool"], plan.Tools.Select(t => t.Name));
        Assert.Equal(4, plan.TotalWeight);
        Assert.Equal(new TrafficInput("""{"text":"Ça va"}""", 2.5, """{"slug":"ca-va"}"""), plan.Tools[0].Inputs[0]);
        Assert.Equal([new TrafficInput("""{"n":1}""", 1, null), new TrafficInput("[1,2]", 1, null)], plan.Tools[1].Inputs);
    }

    [Theory]
    [InlineData("not json", "not JSON")]
    [InlineData("""{"tools": {}}""", "'tools' must be an object with at least one tool")]
    [InlineData("""{"tools": {"x": {"inputs": []}}}""", "tools.x.inputs must be an array with at least one input")]
    [InlineData("""{"tools": {"x": {"inputs": [{"expected": {}}]}}}""", "tools.x.inputs[0] must be an object with an 'input'")]
    [InlineData("""{"tools": {"x": {"weight": 0, "inputs": [{"input": {}}]}}}""", "tools.x.weight must be a positive number")]
    [InlineData("""{"tools": {"x": {"inputs": [{"input": {}, "weight": "2"}]}}}""", "tools.x.inputs[0].weight must be a positive number")]
    public void Parse_NotATrafficFile_ThrowsFormatExceptionSayingWhere(string json, string message)
    {
        var exception = Assert.Throws<FormatException>(() => TrafficPlan.Parse(json));

        Assert.StartsWith(message, exception.Message, StringComparison.Ordinal);
    }
}
