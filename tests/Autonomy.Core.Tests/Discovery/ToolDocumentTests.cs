using Autonomy.Core.Discovery;

namespace Autonomy.Core.Tests.Discovery;

/// <summary>The text a tool is embedded as.</summary>
public sealed class ToolDocumentTests
{
    [Fact]
    public void Text_NameDescriptionAndSchemas_GivesWordsThenFieldNamesAndDescriptions()
    {
        const string Input = """
            {"type": "object", "properties": {
              "value": {"type": "number"},
              "fromUnit": {"type": "string", "description": "The unit of the value."},
              "options": {"type": "object", "properties": {"round_to": {"type": "integer"}}}
            }}
            """;
        const string Output = """{"type": "array", "items": {"type": "object", "properties": {"result": {"type": "number"}}}}""";

        var text = ToolDocument.Text("unit_convert", " Converts units ", Input, Output);

        Assert.Equal("unit convert. Converts units. Input: value; from unit (The unit of the value); options; round to. Output: result.", text);
    }

    [Fact]
    public void Text_SchemaThatIsNotJson_IsLeftOut()
    {
        Assert.Equal("slugify. Makes slugs.", ToolDocument.Text("slugify", "Makes slugs.", "{not json", null));
    }

    [Theory]
    [InlineData("unit_convert", "unit convert")]
    [InlineData("charactersExcludingSpaces", "characters excluding spaces")]
    [InlineData("HTTPServer", "http server")]
    [InlineData("parse-date", "parse date")]
    [InlineData("__x__", "x")]
    public void Words_Identifier_SplitsIntoLowerCaseWords(string identifier, string expected)
    {
        Assert.Equal(expected, ToolDocument.Words(identifier));
    }
}
