using Autonomy.Core.Analysis;
using Autonomy.Core.Tests.Support;

namespace Autonomy.Core.Tests.Analysis;

/// <summary>Finding the throwing syntax on a source line, on the four sample tools with known defects (samples/tools/DEFECTS.md).</summary>
public sealed class ThrowSiteLocatorTests
{
    [Fact]
    public void Locate_ParseDateLine59FormatException_IsParseExactInvocation()
    {
        var site = ThrowSiteLocator.Locate(Sample("parse_date"), 59, "System.FormatException", "The DateTime represented by the string '25/12/2024' is not supported in calendar 'System.Globalization.GregorianCalendar'.");

        Assert.NotNull(site);
        Assert.Equal(59, site.Line);
        Assert.Equal("date = DateTime.ParseExact(text, \"M/d/yyyy\", CultureInfo.InvariantCulture);", site.LineText);
        Assert.Equal("ExecuteAsync", site.Member);
        Assert.Equal("InvocationExpression", site.SyntaxKind);
        Assert.Equal("DateTime.ParseExact(text, \"M/d/yyyy\", CultureInfo.InvariantCulture)", site.Expression);
        Assert.StartsWith("`ParseExact` throws FormatException", site.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_UnitConvertLine44NullReference_IsNullForgivingElementAccess()
    {
        var site = ThrowSiteLocator.Locate(Sample("unit_convert"), 44, "System.NullReferenceException", "Object reference not set to an instance of an object.");

        Assert.NotNull(site);
        Assert.Equal("var precision = input![\"precision\"]!.GetValue<int>();", site.LineText);
        Assert.Equal("ExecuteAsync", site.Member);
        Assert.Equal("SuppressNullableWarningExpression", site.SyntaxKind);
        Assert.Equal("input![\"precision\"]!", site.Expression);
        Assert.Contains("asserts a value that is null for some inputs", site.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_RomanNumeralsLine52OutOfRange_IsSubstringInvocation()
    {
        var site = ThrowSiteLocator.Locate(Sample("roman_numerals"), 52, "System.ArgumentOutOfRangeException", "Index and length must refer to a location within the string. (Parameter 'length')");

        Assert.NotNull(site);
        Assert.Equal("if (i <= s.Length - 1 && Values.TryGetValue(s.Substring(i, 2), out var pair))", site.LineText);
        Assert.Equal("ExecuteAsync", site.Member);
        Assert.Equal("InvocationExpression", site.SyntaxKind);
        Assert.Equal("s.Substring(i, 2)", site.Expression);
        Assert.StartsWith("`Substring` is called with an index or length past the end", site.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_CountryInfoLine68KeyNotFound_IsIndexerOnTable()
    {
        var site = ThrowSiteLocator.Locate(Sample("country_info"), 68, "System.Collections.Generic.KeyNotFoundException", "The given key 'NZ' was not present in the dictionary.");

        Assert.NotNull(site);
        Assert.Equal("var country = Countries[code];", site.LineText);
        Assert.Equal("ExecuteAsync", site.Member);
        Assert.Equal("ElementAccessExpression", site.SyntaxKind);
        Assert.Equal("Countries[code]", site.Expression);
        Assert.Contains("`TryGetValue` would let the tool answer instead", site.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(100_000)]
    public void Locate_LineOutsideFile_IsNull(int line)
    {
        Assert.Null(ThrowSiteLocator.Locate(Sample("country_info"), line, "System.Collections.Generic.KeyNotFoundException", null));
    }

    [Fact]
    public void Locate_LastLinePlusOne_IsNull()
    {
        var source = Sample("parse_date");
        var lines = Microsoft.CodeAnalysis.Text.SourceText.From(source).Lines.Count;

        Assert.NotNull(ThrowSiteLocator.Locate(source, lines, null, null));
        Assert.Null(ThrowSiteLocator.Locate(source, lines + 1, null, null));
    }

    [Fact]
    public void Locate_InsideLocalFunction_NamesLocalFunction()
    {
        var source = ToolSource.With("""
            int Ratio(int a, int b)
            {
                return a / b;
            }
            return Ratio(1, 0);
            """);

        var site = ThrowSiteLocator.Locate(source, ToolSource.BodyLine + 2, "System.DivideByZeroException", "Attempted to divide by zero.");

        Assert.NotNull(site);
        Assert.Equal("Ratio", site.Member);
        Assert.Equal("DivideExpression", site.SyntaxKind);
        Assert.Equal("a / b", site.Expression);
    }

    [Fact]
    public void Locate_InsideHelperMethod_NamesMethod()
    {
        var source = ToolSource.With(
            "return Pick(new List<int>());",
            "private static int Pick(List<int> items)\n{\n    return items.Where(i => i > 0).First();\n}");

        var site = ThrowSiteLocator.Locate(source, ToolSource.BodyLine + 4, "System.InvalidOperationException", "Sequence contains no elements");

        Assert.NotNull(site);
        Assert.Equal("Pick", site.Member);
        Assert.Equal("InvocationExpression", site.SyntaxKind);
        Assert.Equal("items.Where(i => i > 0).First()", site.Expression);
        Assert.StartsWith("`First` throws on an empty sequence", site.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Locate_UnknownExceptionOnCallLine_FallsBackToOutermostInvocation()
    {
        var source = ToolSource.With("var text = Describe(input).Trim();\nreturn text;", "private static string Describe(object? o) => o!.ToString()!;");

        var site = ThrowSiteLocator.Locate(source, ToolSource.BodyLine, "System.InvalidTimeZoneException", null);

        Assert.NotNull(site);
        Assert.Equal("InvocationExpression", site.SyntaxKind);
        Assert.Equal("Describe(input).Trim()", site.Expression);
        Assert.Equal("the call `Trim` on this line throws InvalidTimeZoneException", site.Explanation);
    }

    [Fact]
    public void Locate_LineWithoutInvocation_FallsBackToStatement()
    {
        var source = ToolSource.With("throw new InvalidOperationException(\"boom\");");

        var site = ThrowSiteLocator.Locate(source, ToolSource.BodyLine, "System.InvalidOperationException", "boom");

        Assert.NotNull(site);
        Assert.Equal("ThrowStatement", site.SyntaxKind);
        Assert.Equal("this line throws InvalidOperationException", site.Explanation);
    }

    private static string Sample(string tool) => File.ReadAllText(Path.Combine(RepositoryPaths.SampleTools, tool + ".cs"));
}
