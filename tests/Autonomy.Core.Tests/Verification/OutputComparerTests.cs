using Autonomy.Core.Verification;

namespace Autonomy.Core.Tests.Verification;

/// <summary>Exact, JSON and semantic comparison of outputs, with the paths of their differences.</summary>
public sealed class OutputComparerTests
{
    [Fact]
    public void Compare_JsonKeyOrderAndWhitespaceDiffer_Equal()
    {
        var result = OutputComparer.Compare("""{"a":1,"b":{"c":[1,2],"d":"x"}}""", """{ "b" : { "d":"x", "c":[1, 2] }, "a":1 }""", ComparisonOptions.Json);

        Assert.True(result.Equal);
        Assert.Empty(result.Differences);
        Assert.Equal(ComparisonStrategy.Json, result.Strategy);
    }

    [Fact]
    public void Compare_ExactKeyOrderDiffers_DiffersAtRoot()
    {
        var result = OutputComparer.Compare("""{"a":1,"b":2}""", """{"b":2,"a":1}""", ComparisonOptions.Exact);

        Assert.False(result.Equal);
        Assert.Equal([new OutputDifference("$", """{"a":1,"b":2}""", """{"b":2,"a":1}""")], result.Differences);
    }

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("1", "1e0")]
    [InlineData("1.0", "1E+0")]
    [InlineData("100", "1e2")]
    [InlineData("-0.5", "-5e-1")]
    [InlineData("1e30", "1000000000000000000000000000000")]
    public void Compare_JsonSameNumberSpelledDifferently_Equal(string left, string right)
    {
        Assert.True(OutputComparer.Compare($$"""{"n":{{left}}}""", $$"""{"n":{{right}}}""", ComparisonOptions.Json).Equal);
    }

    [Theory]
    [InlineData("1", "1.0000000001")]
    [InlineData("1e-30", "2e-30")]
    [InlineData("0", "1e-300")]
    [InlineData("1", "\"1\"")]
    [InlineData("true", "false")]
    [InlineData("null", "0")]
    public void Compare_JsonDifferentValues_NotEqual(string left, string right)
    {
        var result = OutputComparer.Compare($$"""{"n":{{left}}}""", $$"""{"n":{{right}}}""", ComparisonOptions.Json);

        Assert.False(result.Equal);
        Assert.Equal([new OutputDifference("$.n", left, right)], result.Differences);
    }

    [Fact]
    public void Compare_JsonEscapedAndPlainString_Equal()
    {
        Assert.True(OutputComparer.Compare("""["caf\u00e9", "a\/b"]""", """["café", "a/b"]""", ComparisonOptions.Json).Equal);
    }

    [Fact]
    public void Compare_JsonArrayOrderDiffers_NotEqualPerElement()
    {
        var result = OutputComparer.Compare("[1,2]", "[2,1]", ComparisonOptions.Json);

        Assert.Equal([new OutputDifference("$[0]", "1", "2"), new OutputDifference("$[1]", "2", "1")], result.Differences);
    }

    [Fact]
    public void Compare_JsonNestedDifferences_ReportPathsInDocumentOrder()
    {
        var left = """{"a":{"b":[1,2,3]},"gone":true,"s":"x","name with space":1}""";
        var right = """{"a":{"b":[1,2,4,5]},"s":"y","name with space":2,"new":null}""";

        var result = OutputComparer.Compare(left, right, ComparisonOptions.Json);

        Assert.False(result.Equal);
        Assert.False(result.Truncated);
        Assert.Equal(
            [
                new OutputDifference("$.a.b[2]", "3", "4"),
                new OutputDifference("$.a.b[3]", null, "5"),
                new OutputDifference("$.gone", "true", null),
                new OutputDifference("$.s", "\"x\"", "\"y\""),
                new OutputDifference("$['name with space']", "1", "2"),
                new OutputDifference("$.new", null, "null"),
            ],
            result.Differences);
    }

    [Fact]
    public void Compare_JsonManyProperties_KeyOrderStillIgnored()
    {
        var keys = Enumerable.Range(0, 40).Select(i => $"\"k{i}\":{i}").ToList();
        var left = "{" + string.Join(",", keys) + "}";
        var right = "{" + string.Join(",", Enumerable.Reverse(keys)) + "}";
        var changed = right.Replace("\"k7\":7", "\"k7\":8", StringComparison.Ordinal);

        Assert.True(OutputComparer.Compare(left, right, ComparisonOptions.Json).Equal);
        Assert.Equal([new OutputDifference("$.k7", "7", "8")], OutputComparer.Compare(left, changed, ComparisonOptions.Json).Differences);
    }

    [Fact]
    public void Compare_SemanticWithinDefaultTolerance_Equal()
    {
        var left = """{"mean":0.30000000000000004,"zero":0}""";
        var right = """{"mean":0.3,"zero":1e-12}""";

        Assert.False(OutputComparer.Compare(left, right, ComparisonOptions.Json).Equal);
        Assert.True(OutputComparer.Compare(left, right, ComparisonOptions.Semantic).Equal);
    }

    [Theory]
    [InlineData(1e6, 1e6 + 0.01, 1e-9, 0, false)]
    [InlineData(1e6, 1e6 + 0.0001, 1e-9, 0, true)]
    [InlineData(0.001, 0.0011, 0, 1e-3, true)]
    [InlineData(0.001, 0.0021, 0, 1e-3, false)]
    [InlineData(100, 101, 0.01, 0, true)]
    [InlineData(100, 102, 0.01, 0, false)]
    public void Compare_SemanticTolerance_DecidesEquality(double left, double right, double relative, double absolute, bool equal)
    {
        var options = ComparisonOptions.Semantic with { RelativeTolerance = relative, AbsoluteTolerance = absolute };

        var result = OutputComparer.Compare(FormattableString.Invariant($"[{left:R}]"), FormattableString.Invariant($"[{right:R}]"), options);

        Assert.Equal(equal, result.Equal);
    }

    [Fact]
    public void Compare_IgnoredPathsWithWildcard_SkipThoseValuesOnly()
    {
        var left = """{"generatedAt":"2024-01-01","items":[{"id":"a","n":1},{"id":"b","n":2}],"total":3}""";
        var right = """{"items":[{"id":"x","n":1},{"id":"y","n":2}],"total":3,"generatedAt":"2025-06-30"}""";
        var options = ComparisonOptions.Semantic with { IgnoredPaths = ["$.generatedAt", "$.items[*].id"] };

        Assert.Equal(3, OutputComparer.Compare(left, right, ComparisonOptions.Semantic).Differences.Count);
        Assert.True(OutputComparer.Compare(left, right, options).Equal);
        Assert.Equal(
            [new OutputDifference("$.items[1].n", "2", "3")],
            OutputComparer.Compare(left, right.Replace("\"n\":2", "\"n\":3", StringComparison.Ordinal), options).Differences);
    }

    [Fact]
    public void Compare_IgnoredPathWithIndexOrQuotedName_SkipsOnlyThatElementOrProperty()
    {
        var options = ComparisonOptions.Json with { IgnoredPaths = ["$.a[1]", "$['odd key']"] };

        Assert.True(OutputComparer.Compare("""{"a":[1,2],"odd key":1}""", """{"a":[1,9],"odd key":2}""", options).Equal);
        Assert.Equal(
            [new OutputDifference("$.a[0]", "1", "0")],
            OutputComparer.Compare("""{"a":[1,2]}""", """{"a":[0,9]}""", options).Differences);
    }

    [Fact]
    public void Compare_IgnoredPathAbsentOnOneSide_StillEqual()
    {
        var options = ComparisonOptions.Json with { IgnoredPaths = ["$.debug"] };

        Assert.True(OutputComparer.Compare("""{"v":1,"debug":{"ms":3}}""", """{"v":1}""", options).Equal);
    }

    [Fact]
    public void Compare_SemanticUnorderedArrays_MatchAsMultisets()
    {
        var options = ComparisonOptions.Semantic with { UnorderedArrays = true };

        Assert.True(OutputComparer.Compare("""[{"k":1},{"k":2},[3,4]]""", """[[4,3],{"k":2},{"k":1}]""", options).Equal);
        var result = OutputComparer.Compare("[1,1,2]", "[1,2,2]", options);
        Assert.False(result.Equal);
        Assert.Equal([new OutputDifference("$[1]", "1", "2")], result.Differences);
    }

    [Fact]
    public void Compare_UnorderedArraysUnderJson_StillOrdered()
    {
        Assert.False(OutputComparer.Compare("[1,2]", "[2,1]", ComparisonOptions.Json with { UnorderedArrays = true }).Equal);
    }

    [Fact]
    public void Compare_NotJson_FallsBackToExact()
    {
        var result = OutputComparer.Compare("not json", "not JSON", ComparisonOptions.Semantic);

        Assert.False(result.Equal);
        Assert.Equal(ComparisonStrategy.Exact, result.Strategy);
        Assert.Equal([new OutputDifference("$", "not json", "not JSON")], result.Differences);
        Assert.True(OutputComparer.Compare("not json", "not json", ComparisonOptions.Semantic).Equal);
    }

    [Fact]
    public void Compare_AbsentOutputs_EqualOnlyToEachOther()
    {
        Assert.True(OutputComparer.Compare(null, null, ComparisonOptions.Json).Equal);
        Assert.Equal([new OutputDifference("$", null, "null")], OutputComparer.Compare(null, "null", ComparisonOptions.Json).Differences);
        Assert.Equal([new OutputDifference("$", "{}", null)], OutputComparer.Compare("{}", null, ComparisonOptions.Json).Differences);
    }

    [Fact]
    public void Compare_MoreDifferencesThanCap_ListsCapAndSaysTruncated()
    {
        var options = ComparisonOptions.Json with { MaxDifferences = 2 };

        var three = OutputComparer.Compare("[1,2,3]", "[4,5,6]", options);
        var two = OutputComparer.Compare("[1,2,3]", "[4,5,3]", options);

        Assert.Equal(["$[0]", "$[1]"], three.Differences.Select(d => d.Path));
        Assert.True(three.Truncated);
        Assert.Equal(2, two.Differences.Count);
        Assert.False(two.Truncated);
    }

    [Fact]
    public void Compare_LongValue_IsShortened()
    {
        var longText = new string('x', 500);

        var difference = Assert.Single(OutputComparer.Compare($"[\"{longText}\"]", "[1]", ComparisonOptions.Json).Differences);

        Assert.Equal(OutputComparer.MaxValueLength + 1, difference.Left!.Length);
        Assert.EndsWith("…", difference.Left, StringComparison.Ordinal);
    }

    [Fact]
    public void AreEqual_AgreesWithCompare()
    {
        var comparer = new OutputComparer(ComparisonOptions.Json);

        Assert.True(comparer.AreEqual("""{"a":1.0}""", """{"a":1}"""));
        Assert.False(comparer.AreEqual("""{"a":[1,2]}""", """{"a":[1]}"""));
    }

    [Theory]
    [InlineData("a.b")]
    [InlineData("$.")]
    [InlineData("$[x]")]
    [InlineData("$['open")]
    [InlineData("$a")]
    public void Constructor_IgnoredPathNotAPath_Throws(string path)
    {
        Assert.Throws<ArgumentException>(() => new OutputComparer(ComparisonOptions.Json with { IgnoredPaths = [path] }));
    }

    [Fact]
    public void WithIgnoredPaths_AddsEachPathOnce()
    {
        var options = ComparisonOptions.Json with { IgnoredPaths = ["$.a"] };

        Assert.Equal(["$.a", "$.b"], options.WithIgnoredPaths(["$.b", "$.a", "$.b"]).IgnoredPaths);
        Assert.Same(options, options.WithIgnoredPaths(["$.a"]));
    }
}
