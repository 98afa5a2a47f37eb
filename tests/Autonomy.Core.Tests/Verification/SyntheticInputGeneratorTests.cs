using System.Text.Json;
using Autonomy.Core.Verification;

namespace Autonomy.Core.Tests.Verification;

/// <summary>Inputs made from an input schema: a valid baseline, optional fields, boundaries and enum values.</summary>
public sealed class SyntheticInputGeneratorTests
{
    private const string Schema = """
        {
          "type": "object",
          "properties": {
            "name": { "type": "string", "minLength": 2, "maxLength": 5 },
            "count": { "type": "integer", "minimum": 1, "maximum": 10 },
            "mode": { "type": "string", "enum": ["fast", "slow", "exact"], "default": "fast" },
            "note": { "type": "string" }
          },
          "required": ["name", "count"]
        }
        """;

    [Fact]
    public void Generate_Schema_BaselineFromTypesLimitsAndDefaults()
    {
        var baseline = SyntheticInputGenerator.Generate(Schema)[0];

        Assert.Equal(new SyntheticInput("""{"name":"examp","count":1,"mode":"fast"}""", "baseline from the schema", SyntheticInputKind.Baseline), baseline);
    }

    [Fact]
    public void Generate_Schema_OptionalFieldsOmittedOrAddedInTurn()
    {
        var inputs = SyntheticInputGenerator.Generate(Schema);

        Assert.Equal(
            [
                new SyntheticInput("""{"name":"examp","count":1}""", "mode omitted (optional)", SyntheticInputKind.FieldOmitted),
                new SyntheticInput("""{"name":"examp","count":1,"mode":"fast","note":"example"}""", "note = \"example\" (optional, added)", SyntheticInputKind.FieldAdded),
            ],
            inputs.Where(i => i.Kind is SyntheticInputKind.FieldOmitted or SyntheticInputKind.FieldAdded));
    }

    [Fact]
    public void Generate_Schema_NumberBoundariesAroundTheLimits()
    {
        var counts = Values(SyntheticInputGenerator.Generate(Schema), "count");

        Assert.Equal(["1", "10", "0", "-1", "2147483647", "11"], counts);
    }

    [Fact]
    public void Generate_Schema_StringBoundaries()
    {
        var names = Values(SyntheticInputGenerator.Generate(Schema), "name");

        Assert.Equal(["\"examp\"", "\"\"", "\"aa\"", "\"aaaaa\"", "\"aaaaaa\"", "\"Ça va? Straße 日本語 🙂\"", "\"  examp  \""], names);
    }

    [Fact]
    public void Generate_Schema_EveryEnumValue()
    {
        var inputs = SyntheticInputGenerator.Generate(Schema);

        Assert.Equal(["\"slow\"", "\"exact\""], inputs.Where(i => i.Kind == SyntheticInputKind.EnumValue).Select(i => Property(i.Json, "mode")));
        Assert.Contains(inputs, i => i.Description == "mode = \"exact\" (enum value)");
    }

    [Fact]
    public void Generate_Schema_DistinctDeterministicAndBounded()
    {
        var first = SyntheticInputGenerator.Generate(Schema);
        var second = SyntheticInputGenerator.Generate(Schema);

        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Select(i => i.Json).Distinct(StringComparer.Ordinal).Count());
        Assert.InRange(first.Count, 15, SyntheticInputGenerator.DefaultMaxInputs);
        Assert.Single(first, i => i.Kind == SyntheticInputKind.Baseline);
    }

    [Fact]
    public void Generate_SmallCap_FieldsTakeTurns()
    {
        var inputs = SyntheticInputGenerator.Generate(Schema, maxInputs: 6);

        Assert.Equal(
            ["baseline from the schema", "mode omitted (optional)", "note = \"example\" (optional, added)", "name = \"\" (empty)", "count = 10 (maximum)", "mode = \"slow\" (enum value)"],
            inputs.Select(i => i.Description));
    }

    [Fact]
    public void Generate_Seed_IsTheBaselineAndVariantsKeepItsValues()
    {
        var inputs = SyntheticInputGenerator.Generate(Schema, """{"name": "abc", "count": 3}""");

        Assert.Equal(new SyntheticInput("""{"name":"abc","count":3}""", "baseline from the example", SyntheticInputKind.Baseline), inputs[0]);
        Assert.Contains(inputs, i => i.Json == """{"name":"abc","count":3,"mode":"fast"}""" && i.Kind == SyntheticInputKind.FieldAdded);
        Assert.Contains(inputs, i => i.Json == """{"name":"abc","count":1}""" && i.Description == "count = 1 (minimum)");
        Assert.Contains(inputs, i => i.Json == """{"name":"  abc  ","count":3}""");
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    public void Generate_SeedNotAnObject_BaselineFromTheSchema(string seed)
    {
        Assert.Equal("baseline from the schema", SyntheticInputGenerator.Generate(Schema, seed)[0].Description);
    }

    [Fact]
    public void Generate_ArrayOfNumbers_EmptyOneItemAndItemBoundaries()
    {
        var inputs = SyntheticInputGenerator.Generate(
            """{"type":"object","properties":{"values":{"type":"array","items":{"type":"number"},"minItems":1}},"required":["values"]}""",
            """{"values":[2,4]}""");

        Assert.Equal(
            ["""{"values":[2,4]}""", """{"values":[]}""", """{"values":[2]}""", """{"values":[0,4]}""", """{"values":[-1,4]}""",
             """{"values":[1000000000000000,4]}""", """{"values":[0.5,4]}""", "{}"],
            inputs.Select(i => i.Json));
        Assert.Equal("values[0] = 0 (zero)", inputs[3].Description);
    }

    [Fact]
    public void Generate_NestedObjectAndNullable_ProbesInside()
    {
        var inputs = SyntheticInputGenerator.Generate(
            """{"type":"object","properties":{"opts":{"type":"object","properties":{"depth":{"type":["integer","null"],"maximum":3}},"required":["depth"]}},"required":["opts"]}""");

        Assert.Equal("""{"opts":{"depth":1}}""", inputs[0].Json);
        Assert.Contains(inputs, i => i.Json == """{"opts":{"depth":3}}""" && i.Description == "opts.depth = 3 (maximum)");
        Assert.Contains(inputs, i => i.Json == """{"opts":{"depth":null}}""" && i.Description == "opts.depth = null (null)");
        Assert.Contains(inputs, i => i.Json == """{"opts":{}}""");
    }

    [Fact]
    public void Generate_PatternedString_BaselineMatchesThePattern()
    {
        var inputs = SyntheticInputGenerator.Generate("""{"type":"object","properties":{"code":{"type":"string","pattern":"^[A-Z]{3}$"}},"required":["code"]}""");

        Assert.Equal("""{"code":"AAA"}""", inputs[0].Json);
    }

    [Fact]
    public void Generate_NoSchema_SeedThenOneValueOfEveryType()
    {
        var inputs = SyntheticInputGenerator.Generate(null, """{"a":1}""");

        Assert.Equal(["""{"a":1}""", "null", "\"\"", "0", "[]", "{}"], inputs.Select(i => i.Json));
    }

    [Fact]
    public void Generate_SchemaNotJson_Throws()
    {
        Assert.Throws<ArgumentException>(() => SyntheticInputGenerator.Generate("{not json"));
    }

    private static List<string> Values(IEnumerable<SyntheticInput> inputs, string property) =>
        [.. inputs.Where(i => i.Kind is SyntheticInputKind.Baseline or SyntheticInputKind.Boundary)
            .Select(i => Property(i.Json, property)).OfType<string>().Distinct(StringComparer.Ordinal)];

    private static string? Property(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty(name, out var value))
        {
            return null;
        }

        // Strings unescaped (the encoder writes characters outside the BMP as \u escapes), other values as written.
        return value.ValueKind == JsonValueKind.String ? $"\"{value.GetString()}\"" : value.GetRawText();
    }
}
