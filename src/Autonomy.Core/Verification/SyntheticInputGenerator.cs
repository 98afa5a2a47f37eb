using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autonomy.Core.Verification;

/// <summary>
/// Makes a bounded, deterministic list of inputs from a tool's input JSON schema (draft-07-style <c>type</c>,
/// <c>properties</c>, <c>required</c>, <c>enum</c>, <c>const</c>, <c>default</c>, <c>examples</c>, <c>minimum</c>/<c>maximum</c>,
/// <c>minLength</c>/<c>maxLength</c>, <c>pattern</c>, <c>format</c>, <c>items</c>, <c>minItems</c>/<c>maxItems</c>):
/// a valid baseline, then the baseline with each optional field omitted or added, and with one value at a time set
/// to a boundary (numbers: minimum, maximum, zero, -1, large, just outside the range; strings: empty, minLength,
/// maxLength, unicode, padded; arrays: empty, one item, each item boundary) or to every enum value.
/// </summary>
/// <remarks>
/// Boundary inputs may break the schema on purpose: old and candidate should then both reject them. Fields take
/// turns (the first boundary of every field, then the second, ...) so that the cap cuts evenly. Inputs are
/// deduplicated by their JSON text, which follows the schema's (or the seed's) property order.
/// </remarks>
public static class SyntheticInputGenerator
{
    /// <summary>Default most inputs made.</summary>
    public const int DefaultMaxInputs = 40;

    /// <summary>How deep into nested objects and arrays boundaries are made.</summary>
    public const int MaxDepth = 3;

    /// <summary>Integer boundaries' "large" value.</summary>
    public const long LargeInteger = int.MaxValue;

    /// <summary>Numbers' "large" value.</summary>
    public const decimal LargeNumber = 1e15m;

    /// <summary>The text of the unicode string boundary: accents, a sharp s, CJK and a character outside the BMP.</summary>
    public const string UnicodeText = "Ça va? Straße 日本語 🙂";

    private const int MaxDescriptionValueLength = 40;

    private static readonly JsonSerializerOptions s_compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Makes the inputs, the baseline first.</summary>
    /// <param name="inputSchema">The input JSON schema; null or empty for a tool that declares none (any JSON).</param>
    /// <param name="seedInput">A known-good input, such as the first declared example, used as the baseline when it is JSON of the schema's type.</param>
    /// <param name="maxInputs">The most inputs to make.</param>
    /// <exception cref="ArgumentException">The schema is not JSON.</exception>
    public static IReadOnlyList<SyntheticInput> Generate(string? inputSchema, string? seedInput = null, int maxInputs = DefaultMaxInputs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxInputs, 1);
        JsonObject schema;
        try
        {
            schema = SchemaReader.Resolve(string.IsNullOrWhiteSpace(inputSchema) ? null : JsonNode.Parse(inputSchema));
        }
        catch (JsonException ex)
        {
            throw new ArgumentException("The input schema is not JSON: " + ex.Message, nameof(inputSchema), ex);
        }

        var seed = Seed(seedInput, schema);
        var baseline = seed ?? SchemaValues.Baseline(schema, 0);
        var inputs = new List<SyntheticInput>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Add(new Variant(baseline, seed is null ? "baseline from the schema" : "baseline from the example", SyntheticInputKind.Baseline));
        foreach (var variant in Variants(schema, baseline, "input", 0, maxInputs))
        {
            if (inputs.Count >= maxInputs)
            {
                break;
            }

            Add(variant);
        }

        return inputs;

        void Add(Variant variant)
        {
            var json = variant.Value?.ToJsonString(s_compact) ?? "null";
            if (seen.Add(json))
            {
                inputs.Add(new SyntheticInput(json, variant.Description, variant.Kind));
            }
        }
    }

    private static JsonNode? Seed(string? seedInput, JsonObject schema)
    {
        if (string.IsNullOrWhiteSpace(seedInput))
        {
            return null;
        }

        try
        {
            var seed = JsonNode.Parse(seedInput);
            return SchemaReader.PrimaryType(schema) == SchemaReader.Object && seed is not JsonObject ? null : seed;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The variants of the value <paramref name="baseline"/> at <paramref name="label"/>, each a whole replacement value.</summary>
    private static List<Variant> Variants(JsonObject schema, JsonNode? baseline, string label, int depth, int cap)
    {
        var variants = new List<Variant>();
        if (depth > MaxDepth || schema.ContainsKey("const"))
        {
            return variants;
        }

        if (schema["enum"] is JsonArray { Count: > 0 } values)
        {
            variants.AddRange(values.Select(v => Leaf(label, v, "enum value", SyntheticInputKind.EnumValue)));
        }
        else
        {
            var type = SchemaReader.PrimaryType(schema);
            variants.AddRange(type switch
            {
                SchemaReader.Object => ObjectVariants(schema, baseline as JsonObject ?? SchemaValues.Baseline(schema, depth) as JsonObject ?? [], label, depth, cap),
                SchemaReader.Array => ArrayVariants(schema, baseline as JsonArray ?? SchemaValues.Baseline(schema, depth) as JsonArray ?? [], label, depth, cap),
                SchemaReader.String => SchemaValues.StringBoundaries(schema, baseline).Select(b => Leaf(label, b.Value, b.Why, SyntheticInputKind.Boundary)),
                SchemaReader.Integer or SchemaReader.Number => SchemaValues.NumberBoundaries(schema, type == SchemaReader.Integer).Select(b => Leaf(label, b.Value, b.Why, SyntheticInputKind.Boundary)),
                SchemaReader.Boolean => [Leaf(label, JsonValue.Create(true), "true", SyntheticInputKind.Boundary), Leaf(label, JsonValue.Create(false), "false", SyntheticInputKind.Boundary)],
                SchemaReader.Null => [],
                _ => SchemaValues.AnyTypeProbes().Select(b => Leaf(label, b.Value, b.Why, SyntheticInputKind.Boundary)),
            });
        }

        if (SchemaReader.AllowsNull(schema))
        {
            variants.Add(Leaf(label, null, "null", SyntheticInputKind.Boundary));
        }

        variants.RemoveAll(v => JsonNode.DeepEquals(v.Value, baseline));
        return variants.Count > cap ? variants.GetRange(0, cap) : variants;
    }

    private static IEnumerable<Variant> ObjectVariants(JsonObject schema, JsonObject baseline, string label, int depth, int cap)
    {
        var required = SchemaReader.Required(schema);
        var omitted = new List<Variant>();
        var added = new List<Variant>();
        var perField = new List<List<Variant>>();
        foreach (var (name, node) in SchemaReader.Properties(schema))
        {
            var fieldSchema = SchemaReader.Resolve(node);
            var fieldLabel = depth == 0 ? name : $"{label}.{name}";
            var present = baseline.TryGetPropertyValue(name, out var fieldBaseline);
            if (!present)
            {
                fieldBaseline = SchemaValues.Baseline(fieldSchema, depth + 1);
            }

            if (!required.Contains(name))
            {
                if (present)
                {
                    omitted.Add(new Variant(Without(baseline, name), $"{fieldLabel} omitted (optional)", SyntheticInputKind.FieldOmitted));
                }
                else
                {
                    added.Add(new Variant(With(baseline, name, fieldBaseline), $"{fieldLabel} = {Show(fieldBaseline)} (optional, added)", SyntheticInputKind.FieldAdded));
                }
            }

            perField.Add([.. Variants(fieldSchema, fieldBaseline, fieldLabel, depth + 1, cap)
                .Select(v => v with { Value = With(baseline, name, v.Value) })]);
        }

        var variants = omitted.Concat(added).Concat(TakeTurns(perField)).ToList();
        if (baseline.Count > 0)
        {
            variants.Add(new Variant(new JsonObject(), $"{label} = {{}} (empty object)", SyntheticInputKind.Boundary));
        }

        return variants;
    }

    private static IEnumerable<Variant> ArrayVariants(JsonObject schema, JsonArray baseline, string label, int depth, int cap)
    {
        var itemSchema = SchemaReader.Items(schema);
        var item = baseline.Count > 0 ? baseline[0] : SchemaValues.Baseline(itemSchema, depth + 1);
        var variants = new List<Variant>
        {
            new(new JsonArray(), $"{label} = [] (empty array)", SyntheticInputKind.Boundary),
            new(Repeat(item, 1), $"{label} has one item", SyntheticInputKind.Boundary),
        };

        if (SchemaReader.Count(schema, "minItems") is > 1 and var minItems)
        {
            variants.Add(new Variant(Repeat(item, Math.Min(minItems, SchemaValues.MaxLength)), $"{label} has {minItems} items (minItems)", SyntheticInputKind.Boundary));
        }

        if (SchemaReader.Count(schema, "maxItems") is { } maxItems && maxItems < SchemaValues.MaxLength)
        {
            variants.Add(new Variant(Repeat(item, maxItems), $"{label} has {maxItems} items (maxItems)", SyntheticInputKind.Boundary));
            variants.Add(new Variant(Repeat(item, maxItems + 1), $"{label} has {maxItems + 1} items (above maxItems)", SyntheticInputKind.Boundary));
        }

        var host = baseline.Count > 0 ? baseline : Repeat(item, 1);
        foreach (var variant in Variants(itemSchema, item, $"{label}[0]", depth + 1, cap))
        {
            var copy = (JsonArray)host.DeepClone();
            copy[0] = variant.Value?.DeepClone();
            variants.Add(variant with { Value = copy });
        }

        return variants;
    }

    // The first variant of every field, then the second of every field, and so on.
    private static IEnumerable<Variant> TakeTurns(List<List<Variant>> perField)
    {
        for (var turn = 0; perField.Any(f => turn < f.Count); turn++)
        {
            foreach (var field in perField)
            {
                if (turn < field.Count)
                {
                    yield return field[turn];
                }
            }
        }
    }

    private static Variant Leaf(string label, JsonNode? value, string why, SyntheticInputKind kind) =>
        new(value?.DeepClone(), $"{label} = {Show(value)} ({why})", kind);

    private static JsonObject With(JsonObject obj, string name, JsonNode? value)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy[name] = value?.DeepClone();
        return copy;
    }

    private static JsonObject Without(JsonObject obj, string name)
    {
        var copy = (JsonObject)obj.DeepClone();
        copy.Remove(name);
        return copy;
    }

    private static JsonArray Repeat(JsonNode? item, int count)
    {
        var array = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            array.Add(item?.DeepClone());
        }

        return array;
    }

    private static string Show(JsonNode? value)
    {
        var text = value?.ToJsonString(s_compact) ?? "null";
        return text.Length <= MaxDescriptionValueLength ? text : string.Concat(text.AsSpan(0, MaxDescriptionValueLength), "…");
    }

    private readonly record struct Variant(JsonNode? Value, string Description, SyntheticInputKind Kind);
}
