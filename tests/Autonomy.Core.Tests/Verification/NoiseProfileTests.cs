using Autonomy.Abstractions.Execution;
using Autonomy.Core.Execution;
using Autonomy.Core.Tests.Support;
using Autonomy.Core.Verification;

namespace Autonomy.Core.Tests.Verification;

/// <summary>Learning the noise of an output from two runs of the same code, as Diffy does.</summary>
public sealed class NoiseProfileTests
{
    private const string RandomIdBody = """
        var x = input!["x"]!.GetValue<int>();
        return new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["doubled"] = x * 2,
            ["items"] = new JsonArray(
                new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["n"] = x },
                new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["n"] = x + 1 }),
        };
        """;

    [Fact]
    public async Task Learn_ToolWithRandomIdsAndStableValues_MarksOnlyTheIdsNoisy()
    {
        var tool = await CompiledTools.CompileAsync(ToolSource.With(RandomIdBody));
        var executor = new ToolExecutor();
        var pairs = new List<(string?, string?)>();
        foreach (var input in new[] { """{"x":1}""", """{"x":2}""", """{"x":3}""" })
        {
            var first = await executor.ExecuteAsync(tool, input);
            var second = await executor.ExecuteAsync(tool, input);
            Assert.Equal(ExecutionOutcome.Success, first.Outcome);
            pairs.Add((first.Output, second.Output));
        }

        var noise = NoiseProfile.Learn(pairs);

        Assert.Equal(["$.id", "$.items[*].id"], noise.NoisyPaths);
        Assert.False(noise.IsWholeOutputNoisy);
        Assert.Equal(3, noise.Pairs);
        Assert.Equal(3, noise.NoisyPairs);

        var again = await executor.ExecuteAsync(tool, """{"x":5}""");
        var comparer = new OutputComparer(noise.Apply(ComparisonOptions.Json));
        Assert.True(comparer.Compare(pairs[0].Item1, pairs[0].Item2).Equal);
        Assert.False(comparer.Compare(pairs[0].Item1, again.Output).Equal);
        Assert.Equal(
            ["$.doubled", "$.items[0].n", "$.items[1].n"],
            comparer.Compare(pairs[0].Item1, again.Output).Differences.Select(d => d.Path));
    }

    [Fact]
    public void Learn_SameFieldDiffersInSeveralElementsAcrossPairs_GeneralizesToWildcard()
    {
        var noise = NoiseProfile.Learn(
        [
            ("""{"rows":[{"t":1,"v":"a"},{"t":1,"v":"b"}]}""", """{"rows":[{"t":2,"v":"a"},{"t":1,"v":"b"}]}"""),
            ("""{"rows":[{"t":1,"v":"a"},{"t":1,"v":"b"}]}""", """{"rows":[{"t":1,"v":"a"},{"t":3,"v":"b"}]}"""),
        ]);

        Assert.Equal(["$.rows[*].t"], noise.NoisyPaths);
    }

    [Fact]
    public void Learn_OneElementDiffers_KeepsItsIndex()
    {
        var noise = NoiseProfile.Learn([("""{"rows":[{"t":1},{"t":1}]}""", """{"rows":[{"t":1},{"t":2}]}""")]);

        Assert.Equal(["$.rows[1].t"], noise.NoisyPaths);
    }

    [Fact]
    public void Learn_ArrayLengthDiffers_MarksTheWholeArray()
    {
        var noise = NoiseProfile.Learn([("""{"picks":[1,2],"n":2}""", """{"picks":[1,2,3],"n":2}""")]);

        Assert.Equal(["$.picks"], noise.NoisyPaths);
        Assert.False(noise.IsWholeOutputNoisy);
    }

    [Theory]
    [InlineData("run 1 at 10:00", "run 2 at 10:01")]
    [InlineData("{\"a\":1}", null)]
    [InlineData("0.123", "0.456")]
    [InlineData("[1]", "[1,2]")]
    public void Learn_OutputsDifferAsAWhole_WholeOutputNoisy(string? first, string? second)
    {
        var noise = NoiseProfile.Learn([("""{"a":1}""", """{"a":1}"""), (first, second)]);

        Assert.True(noise.IsWholeOutputNoisy);
        Assert.Empty(noise.NoisyPaths);
    }

    [Fact]
    public void Learn_IdenticalOrJsonEqualPairs_NoNoise()
    {
        var noise = NoiseProfile.Learn([("""{"a":1,"b":2}""", """{"b":2,"a":1.0}"""), ("text", "text"), (null, null)]);

        Assert.Empty(noise.NoisyPaths);
        Assert.False(noise.IsWholeOutputNoisy);
        Assert.Equal(3, noise.Pairs);
        Assert.Equal(0, noise.NoisyPairs);
    }

    [Fact]
    public void Learn_SemanticOptions_FloatJitterWithinToleranceIsNotNoise()
    {
        var pairs = new (string?, string?)[] { ("""{"m":0.30000000000000004,"id":1}""", """{"m":0.3,"id":2}""") };

        Assert.Equal(["$.id", "$.m"], NoiseProfile.Learn(pairs, ComparisonOptions.Json).NoisyPaths);
        Assert.Equal(["$.id"], NoiseProfile.Learn(pairs, ComparisonOptions.Semantic).NoisyPaths);
    }

    [Fact]
    public void Learn_OddPropertyName_RoundTripsAsIgnoredPath()
    {
        var noise = NoiseProfile.Learn([("""{"a.b's":1,"k":1}""", """{"a.b's":2,"k":1}""")]);

        Assert.Equal(["$['a.b\\'s']"], noise.NoisyPaths);
        Assert.True(OutputComparer.Compare("""{"a.b's":5,"k":1}""", """{"a.b's":6,"k":1}""", noise.Apply(ComparisonOptions.Json)).Equal);
    }

    [Fact]
    public void Apply_ExactStrategyWithNoisyPaths_BecomesJsonIgnoringThem()
    {
        var noise = NoiseProfile.Learn([("""{"id":1}""", """{"id":2}""")]);

        var applied = noise.Apply(ComparisonOptions.Exact with { IgnoredPaths = ["$.x"] });

        Assert.Equal(ComparisonStrategy.Json, applied.Strategy);
        Assert.Equal(["$.x", "$.id"], applied.IgnoredPaths);
        Assert.Same(ComparisonOptions.Exact, NoiseProfile.None.Apply(ComparisonOptions.Exact));
    }
}
