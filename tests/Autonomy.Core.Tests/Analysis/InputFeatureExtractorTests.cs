using Autonomy.Core.Analysis;

namespace Autonomy.Core.Tests.Analysis;

/// <summary>Describing an input document as features per field.</summary>
public sealed class InputFeatureExtractorTests
{
    private static readonly string[] NoKnownFields = [];

    [Theory]
    [InlineData("25/12/2024", "date:dd/MM/yyyy")]
    [InlineData("12/25/2024", "date:MM/dd/yyyy")]
    [InlineData("03/05/2024", "date:ambiguous/")]
    [InlineData("24.12.2024", "date:dd.MM.yyyy")]
    [InlineData("25-12-24", "date:dd-MM-yy")]
    [InlineData("2024-03-05", "date:iso")]
    [InlineData("2023-12-31T23:15:00+02:00", "date:iso")]
    public void Extract_DateLayouts_AreNamed(string date, string expected)
    {
        var dates = DateFeatures(Extract($$"""{"date": "{{date}}"}"""));

        Assert.Equal([expected], dates);
    }

    [Fact]
    public void Extract_NotADate_HasNoDateFeature()
    {
        Assert.Empty(DateFeatures(Extract("""{"date": "March 5, 2024"}""")));
        Assert.Empty(DateFeatures(Extract("""{"date": "1/2/3/4"}""")));
    }

    [Fact]
    public void Extract_ImpossibleDate_IsNotCalledAmbiguous()
    {
        // Day and month both above 12: not a date, and certainly not one "whose day and month are both 12 or less".
        Assert.Equal(["date:impossible/"], DateFeatures(Extract("""{"date": "31/31/2024"}""")));
    }

    [Fact]
    public void Extract_DayFirstDate_HasValueShapeAndType()
    {
        var features = Extract("""{"date": "25/12/2024"}""");

        Assert.Equal(
            ["date:dd/MM/yyyy", "shape:99/99/9999", "type:string", "value:\"25/12/2024\""],
            features.Keys.Select(f => f.Feature).Order(StringComparer.Ordinal));
        Assert.All(features, f => Assert.Equal("date", f.Key.Field));
        Assert.Equal("\"25/12/2024\"", features[new InputFeature("date", "date:dd/MM/yyyy")]);
    }

    [Fact]
    public void Extract_KnownFieldAbsent_IsMissing()
    {
        var features = InputFeatureExtractor.Extract("""{"value": 5, "from": "km", "to": "mi"}""", ["value", "from", "to", "precision"]);

        Assert.True(features.ContainsKey(new InputFeature("precision", "missing")));
        Assert.Null(features[new InputFeature("precision", "missing")]);
        Assert.DoesNotContain(features.Keys, f => f.Feature == "missing" && f.Field != "precision");
    }

    [Fact]
    public void Extract_KnownNestedFieldAbsent_IsMissingOnlyWhenParentPresent()
    {
        string[] known = ["options", "options.precision", "options.scale", "extra", "extra.flag"];

        var features = InputFeatureExtractor.Extract("""{"options": {"precision": 2}}""", known);

        Assert.Equal(
            [new InputFeature("extra", "missing"), new InputFeature("options.scale", "missing")],
            features.Keys.Where(f => f.Feature == "missing").OrderBy(f => f.Field, StringComparer.Ordinal));
        Assert.True(features.ContainsKey(new InputFeature("options", "type:object")));
        Assert.True(features.ContainsKey(new InputFeature("options.precision", "type:number")));
        Assert.True(features.ContainsKey(new InputFeature("options.precision", "value:2")));
    }

    [Fact]
    public void Extract_SecondLevelOfNesting_IsNotDescribed()
    {
        var features = Extract("""{"a": {"b": {"c": 1}}}""");

        Assert.True(features.ContainsKey(new InputFeature("a.b", "type:object")));
        Assert.DoesNotContain(features.Keys, f => f.Field == "a.b.c");
    }

    [Fact]
    public void Extract_NullValue_IsNullOnly()
    {
        var features = Extract("""{"precision": null}""");

        Assert.Equal([new InputFeature("precision", "null")], features.Keys);
        Assert.Equal("null", features[new InputFeature("precision", "null")]);
    }

    [Theory]
    [InlineData("""{"a": ""}""", "type:string")]
    [InlineData("""{"a": []}""", "type:array")]
    [InlineData("""{"a": {}}""", "type:object")]
    public void Extract_EmptyValue_IsEmptyWithItsType(string json, string type)
    {
        var features = Extract(json).Keys.Select(f => f.Feature).Order(StringComparer.Ordinal);

        Assert.Equal(["empty", type], features);
    }

    [Theory]
    [InlineData("""{"a": true}""", "type:boolean", "value:true")]
    [InlineData("""{"a": [1, 2]}""", "type:array", null)]
    [InlineData("""{"a": 7}""", "type:number", "value:7")]
    public void Extract_JsonTypes_AreNamed(string json, string type, string? value)
    {
        var features = Extract(json).Keys.Select(f => f.Feature).ToHashSet();

        Assert.Contains(type, features);
        Assert.Equal(value is null ? 1 : 2, features.Count);
        if (value is not null)
        {
            Assert.Contains(value, features);
        }
    }

    [Theory]
    [InlineData("-3", new[] { "negative", "type:number", "value:-3" })]
    [InlineData("0", new[] { "type:number", "value:0", "zero" })]
    [InlineData("2.5", new[] { "fractional", "type:number", "value:2.5" })]
    [InlineData("-0.25", new[] { "fractional", "negative", "type:number", "value:-0.25" })]
    [InlineData("10000000000", new[] { "huge", "type:number", "value:10000000000" })]
    public void Extract_Numbers_HaveSignZeroFractionAndSize(string number, string[] expected)
    {
        var features = Extract($$"""{"n": {{number}}}""").Keys.Select(f => f.Feature).Order(StringComparer.Ordinal);

        Assert.Equal(expected, features);
    }

    [Fact]
    public void Extract_NonAsciiText_IsNonAscii()
    {
        var features = Extract("""{"city": "Brasília"}""");

        Assert.True(features.ContainsKey(new InputFeature("city", "non-ascii")));
        Assert.False(Extract("""{"city": "Brasilia"}""").ContainsKey(new InputFeature("city", "non-ascii")));
    }

    [Theory]
    [InlineData("1,5")]
    [InlineData("1.234,56")]
    [InlineData("-12,75")]
    public void Extract_DecimalCommaNumber_IsCultureNumber(string text)
    {
        var features = Extract($$"""{"amount": "{{text}}"}""");

        Assert.True(features.ContainsKey(new InputFeature("amount", "culture-number")));
        Assert.False(features.ContainsKey(new InputFeature("amount", "numeric-text")));
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("42")]
    [InlineData("-3e2")]
    public void Extract_InvariantNumberAsText_IsNumericText(string text)
    {
        var features = Extract($$"""{"amount": "{{text}}"}""");

        Assert.True(features.ContainsKey(new InputFeature("amount", "numeric-text")));
        Assert.False(features.ContainsKey(new InputFeature("amount", "culture-number")));
    }

    [Fact]
    public void Extract_TextCaseAndPadding_AreNamed()
    {
        Assert.True(Extract("""{"code": "NZ"}""").ContainsKey(new InputFeature("code", "uppercase")));
        Assert.True(Extract("""{"code": "nz"}""").ContainsKey(new InputFeature("code", "lowercase")));
        Assert.True(Extract("""{"code": " nz"}""").ContainsKey(new InputFeature("code", "whitespace-padded")));
        Assert.True(Extract("""{"code": "Nz"}""").ContainsKey(new InputFeature("code", "shape:Aa")));
    }

    [Fact]
    public void Extract_LongText_IsLongWithoutValueOrShape()
    {
        var features = Extract($$"""{"text": "{{new string('a', InputFeatureExtractor.LongStringLength + 1)}}"}""").Keys.Select(f => f.Feature).Order(StringComparer.Ordinal);

        Assert.Equal(["long", "lowercase", "type:string"], features);
    }

    [Fact]
    public void Extract_NotJson_IsRootNotJsonWithText()
    {
        var features = Extract("date=25/12/2024");

        Assert.Equal([new InputFeature(InputFeatureExtractor.Root, "not-json")], features.Keys);
        Assert.Equal("date=25/12/2024", features[new InputFeature(InputFeatureExtractor.Root, "not-json")]);
    }

    [Fact]
    public void Extract_NullInput_IsRootAbsent()
    {
        var features = InputFeatureExtractor.Extract(null, ["date"]);

        Assert.Equal([new InputFeature(InputFeatureExtractor.Root, "absent")], features.Keys);
    }

    [Fact]
    public void Extract_ScalarDocument_IsDescribedAtRoot()
    {
        var features = Extract("-5").Keys.ToList();

        Assert.All(features, f => Assert.Equal(InputFeatureExtractor.Root, f.Field));
        Assert.Contains(new InputFeature(InputFeatureExtractor.Root, "negative"), features);
    }

    [Fact]
    public void FieldsOf_NestedObject_ListsTopLevelAndOneLevelDown()
    {
        var fields = InputFeatureExtractor.FieldsOf("""{"value": 5, "options": {"precision": 2, "deep": {"x": 1}}}""");

        Assert.Equal(["value", "options", "options.precision", "options.deep"], fields);
        Assert.Empty(InputFeatureExtractor.FieldsOf("not json"));
        Assert.Empty(InputFeatureExtractor.FieldsOf(null));
    }

    [Theory]
    [InlineData("missing", "is missing")]
    [InlineData("date:dd/MM/yyyy", "uses dd/MM/yyyy")]
    [InlineData("date:ambiguous/", "is a date with '/' whose day and month are both 12 or less")]
    [InlineData("culture-number", "is a number with a decimal comma (culture-formatted)")]
    [InlineData("type:number", "is a JSON number")]
    [InlineData("value:\"NZ\"", "is \"NZ\"")]
    public void Phrase_Features_ReadAsWords(string feature, string expected)
    {
        Assert.Equal(expected, InputFeatureExtractor.Phrase(feature));
    }

    private static Dictionary<InputFeature, string?> Extract(string json) => InputFeatureExtractor.Extract(json, NoKnownFields);

    private static List<string> DateFeatures(Dictionary<InputFeature, string?> features) =>
        features.Keys.Select(f => f.Feature).Where(f => f.StartsWith("date:", StringComparison.Ordinal)).ToList();
}
