using System.Text.Json;
using System.Text.Json.Nodes;

namespace Autonomy.Core.Verification;

/// <summary>Reads the draft-07-style keywords <see cref="SyntheticInputGenerator"/> understands from a schema node.</summary>
internal static class SchemaReader
{
    public const string Object = "object";
    public const string Array = "array";
    public const string String = "string";
    public const string Integer = "integer";
    public const string Number = "number";
    public const string Boolean = "boolean";
    public const string Null = "null";

    /// <summary>The schema object to read: <c>true</c> or absent is the empty schema; an untyped <c>anyOf</c>/<c>oneOf</c> reads its first branch.</summary>
    public static JsonObject Resolve(JsonNode? schema)
    {
        if (schema is not JsonObject obj)
        {
            return [];
        }

        if (!obj.ContainsKey("type") && !obj.ContainsKey("properties") && !obj.ContainsKey("enum") && !obj.ContainsKey("const"))
        {
            foreach (var keyword in new[] { "anyOf", "oneOf", "allOf" })
            {
                if (obj[keyword] is JsonArray { Count: > 0 } branches && branches[0] is JsonObject first)
                {
                    return first;
                }
            }
        }

        return obj;
    }

    /// <summary>The declared type names, in order.</summary>
    public static IReadOnlyList<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonValue single when single.TryGetValue<string>(out var name) => [name],
        JsonArray many => [.. many.Select(t => t is JsonValue v && v.TryGetValue<string>(out var n) ? n : null).OfType<string>()],
        _ => [],
    };

    /// <summary>The type a value is built as: the first declared type other than null, else one inferred from other keywords; null for any type.</summary>
    public static string? PrimaryType(JsonObject schema)
    {
        var declared = Types(schema).FirstOrDefault(t => t != Null);
        if (declared is not null)
        {
            return declared;
        }

        if (Types(schema).Contains(Null))
        {
            return Null;
        }

        if (schema.ContainsKey("properties") || schema.ContainsKey("required"))
        {
            return Object;
        }

        if (schema.ContainsKey("items"))
        {
            return Array;
        }

        if (schema.ContainsKey("minLength") || schema.ContainsKey("maxLength") || schema.ContainsKey("pattern") || schema.ContainsKey("format"))
        {
            return String;
        }

        return schema.ContainsKey("minimum") || schema.ContainsKey("maximum") ? Number : null;
    }

    /// <summary>Whether the schema lets a value be null alongside another type.</summary>
    public static bool AllowsNull(JsonObject schema) => Types(schema).Contains(Null);

    /// <summary>The property schemas in declared order.</summary>
    public static IEnumerable<KeyValuePair<string, JsonNode?>> Properties(JsonObject schema) =>
        schema["properties"] as JsonObject ?? [];

    /// <summary>The required property names; for an object with no <c>required</c> but a <c>oneOf</c>/<c>anyOf</c> of them, the first branch's.</summary>
    public static HashSet<string> Required(JsonObject schema)
    {
        var required = Names(schema["required"]);
        if (required.Count == 0)
        {
            foreach (var keyword in new[] { "oneOf", "anyOf" })
            {
                if (schema[keyword] is JsonArray { Count: > 0 } branches && branches[0] is JsonObject first)
                {
                    required = Names(first["required"]);
                    break;
                }
            }
        }

        return required;
    }

    /// <summary>The item schema of an array (the first, for a tuple).</summary>
    public static JsonObject Items(JsonObject schema) => Resolve(schema["items"] is JsonArray tuple ? tuple.FirstOrDefault() : schema["items"]);

    /// <summary>A numeric keyword as a decimal, when present and representable.</summary>
    public static decimal? Decimal(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<decimal>(out var number) ? number : null;

    /// <summary>A non-negative integer keyword, when present.</summary>
    public static int? Count(JsonObject schema, string keyword) =>
        Decimal(schema, keyword) is { } number && number >= 0 ? (int)Math.Min(number, int.MaxValue) : null;

    /// <summary>A string keyword, when present.</summary>
    public static string? Text(JsonObject schema, string keyword) =>
        schema[keyword] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static HashSet<string> Names(JsonNode? node) =>
        node is JsonArray array
            ? [.. array.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>()]
            : new HashSet<string>(StringComparer.Ordinal);
}
