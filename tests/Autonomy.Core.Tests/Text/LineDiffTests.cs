using Autonomy.Core.Text;

namespace Autonomy.Core.Tests.Text;

public sealed class LineDiffTests
{
    [Fact]
    public void Unified_EqualTexts_Empty()
    {
        Assert.Equal(string.Empty, LineDiff.Unified("a\nb\n", "a\nb\n", "old", "new"));
    }

    [Fact]
    public void Unified_OneLineChangedInTheMiddle_OneHunkWithThreeLinesOfContext()
    {
        var old = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"line {i}")) + "\n";
        var @new = old.Replace("line 5\n", "line five\n", StringComparison.Ordinal);

        var diff = LineDiff.Unified(old, @new, "t v1", "t v2");

        Assert.Equal(
            """
            --- t v1
            +++ t v2
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """.Replace("\r\n", "\n", StringComparison.Ordinal),
            diff);
    }

    [Fact]
    public void Unified_ChangesFarApart_TwoHunks()
    {
        var lines = Enumerable.Range(1, 20).Select(i => $"{i}").ToArray();
        var old = string.Join('\n', lines);
        lines[1] = "two";
        lines[18] = "nineteen";
        var @new = string.Join('\n', lines);

        var diff = LineDiff.Unified(old, @new, "a", "b");

        Assert.Equal(2, diff.Split('\n').Count(l => l.StartsWith("@@", StringComparison.Ordinal)));
        Assert.Contains("@@ -1,5 +1,5 @@", diff, StringComparison.Ordinal);
        Assert.Contains("@@ -16,5 +16,5 @@", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Unified_LinesAddedAtTheEnd_CountsOnlyNewSide()
    {
        var diff = LineDiff.Unified("a\n", "a\nb\nc\n", "x", "y");

        Assert.Contains("@@ -1 +1,3 @@", diff, StringComparison.Ordinal);
        Assert.Contains("+b\n+c\n", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Unified_FromEmpty_UsesZeroRange()
    {
        var diff = LineDiff.Unified(string.Empty, "a\n", "x", "y");

        Assert.Contains("@@ -0,0 +1 @@", diff, StringComparison.Ordinal);
    }
}
