using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Autonomy.Core.Verification;

/// <summary>Baseline and boundary values for one schema position, for <see cref="SyntheticInputGenerator"/>.</summary>
internal static partial class SchemaValues
{
    private const string PlainText = "example";

    // Longest string or array a baseline or boundary makes, so a schema's huge limit does not make a huge input.
    internal const int MaxLength = 10_000;

    // Length of the "long" string boundary when the schema sets no maxLength.
    private const int LongString = 300;

    // Short strings tried against a pattern when its simple character-class shape is not recognised.
    private static readonly string[] s_patternCandidates =
        ["example", "abc", "ab", "a", "ABC", "AB", "A", "1", "12", "123", "a1", "abc-123", "2024-03-05", "user@example.com", "https://example.com/"];

    private static readonly TimeSpan s_regexTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>A valid value: <c>const</c>, <c>default</c>, the first of <c>examples</c> or <c>enum</c>, else one built from the type and its limits.</summary>
    public static JsonNode? Baseline(JsonObject schema, int depth)
    {
        foreach (var keyword in new[] { "const", "default" })
        {
            if (schema.TryGetPropertyValue(keyword, out var declared))
            {
                return declared?.DeepClone();
            }
        }

        foreach (var keyword in new[] { "examples", "enum" })
        {
            if (schema[keyword] is JsonArray { Count: > 0 } listed)
            {
                return listed[0]?.DeepClone();
            }
        }

        return SchemaReader.PrimaryType(schema) switch
        {
            SchemaReader.Object => ObjectBaseline(schema, depth),
            SchemaReader.Array => ArrayBaseline(schema, depth),
            SchemaReader.String => JsonValue.Create(StringBaseline(schema)),
            SchemaReader.Integer => JsonValue.Create(Clamp(schema, 1m, integer: true)),
            SchemaReader.Number => JsonValue.Create(Clamp(schema, 1.5m, integer: false)),
            SchemaReader.Boolean => JsonValue.Create(false),
            SchemaReader.Null => null,
            _ => new JsonObject(),
        };
    }

    /// <summary>String boundaries: empty, minLength, maxLength and one past it, unicode, padded, long, and a leap day for dates.</summary>
    public static IEnumerable<(JsonNode? Value, string Why)> StringBoundaries(JsonObject schema, JsonNode? baseline)
    {
        var minLength = SchemaReader.Count(schema, "minLength");
        var maxLength = SchemaReader.Count(schema, "maxLength");
        yield return (JsonValue.Create(string.Empty), "empty");
        if (minLength is > 0 and <= MaxLength)
        {
            yield return (JsonValue.Create(new string('a', minLength.Value)), "minLength");
        }

        if (maxLength is { } max && max < MaxLength)
        {
            yield return (JsonValue.Create(new string('a', max)), "maxLength");
            yield return (JsonValue.Create(new string('a', max + 1)), "above maxLength");
        }

        yield return (JsonValue.Create(SyntheticInputGenerator.UnicodeText), "unicode");
        var text = baseline is JsonValue value && value.TryGetValue<string>(out var s) ? s : PlainText;
        yield return (JsonValue.Create("  " + text + "  "), "padded with spaces");
        if (maxLength is null)
        {
            yield return (JsonValue.Create(new string('a', LongString)), "long");
        }

        switch (SchemaReader.Text(schema, "format"))
        {
            case "date":
                yield return (JsonValue.Create("2024-02-29"), "leap day");
                break;
            case "date-time":
                yield return (JsonValue.Create("2024-02-29T23:59:59Z"), "leap day");
                break;
            default:
                break;
        }
    }

    /// <summary>Number boundaries: minimum, maximum, zero, -1, large, just outside the range, and a fraction for non-integers.</summary>
    public static IEnumerable<(JsonNode? Value, string Why)> NumberBoundaries(JsonObject schema, bool integer)
    {
        var minimum = SchemaReader.Decimal(schema, "minimum");
        var maximum = SchemaReader.Decimal(schema, "maximum");
        var exclusiveMinimum = SchemaReader.Decimal(schema, "exclusiveMinimum");
        var exclusiveMaximum = SchemaReader.Decimal(schema, "exclusiveMaximum");
        if (minimum is { } min)
        {
            yield return (JsonValue.Create(min), "minimum");
        }

        if (maximum is { } max)
        {
            yield return (JsonValue.Create(max), "maximum");
        }

        yield return (JsonValue.Create(0), "zero");
        yield return (JsonValue.Create(-1), "negative");
        yield return integer ? (JsonValue.Create(SyntheticInputGenerator.LargeInteger), "large") : (JsonValue.Create(SyntheticInputGenerator.LargeNumber), "large");
        if (minimum is { } below && below > decimal.MinValue + 1)
        {
            yield return (JsonValue.Create(below - 1), "below minimum");
        }

        if (maximum is { } above && above < decimal.MaxValue - 1)
        {
            yield return (JsonValue.Create(above + 1), "above maximum");
        }

        if (exclusiveMinimum is { } exMin)
        {
            yield return (JsonValue.Create(exMin), "at exclusive minimum");
        }

        if (exclusiveMaximum is { } exMax)
        {
            yield return (JsonValue.Create(exMax), "at exclusive maximum");
        }

        if (!integer)
        {
            yield return (JsonValue.Create(0.5m), "fraction");
        }
    }

    /// <summary>One value of every JSON type, for a position of any type.</summary>
    public static IEnumerable<(JsonNode? Value, string Why)> AnyTypeProbes() =>
    [
        (null, "null"),
        (JsonValue.Create(string.Empty), "empty string"),
        (JsonValue.Create(0), "zero"),
        (new JsonArray(), "empty array"),
        (new JsonObject(), "empty object"),
    ];

    private static JsonObject ObjectBaseline(JsonObject schema, int depth)
    {
        var obj = new JsonObject();
        if (depth > SyntheticInputGenerator.MaxDepth)
        {
            return obj;
        }

        var required = SchemaReader.Required(schema);
        foreach (var (name, node) in SchemaReader.Properties(schema))
        {
            var property = SchemaReader.Resolve(node);

            // Optional fields with a declared default are valid by declaration; other optional ones are added one at a time.
            if (required.Contains(name) || property.ContainsKey("default"))
            {
                obj[name] = Baseline(property, depth + 1);
            }
        }

        return obj;
    }

    private static JsonArray ArrayBaseline(JsonObject schema, int depth)
    {
        var array = new JsonArray();
        if (depth > SyntheticInputGenerator.MaxDepth)
        {
            return array;
        }

        var count = Math.Max(1, SchemaReader.Count(schema, "minItems") ?? 0);
        if (SchemaReader.Count(schema, "maxItems") is { } maxItems)
        {
            count = Math.Min(count, maxItems);
        }

        var items = SchemaReader.Items(schema);
        for (var i = 0; i < Math.Min(count, MaxLength); i++)
        {
            array.Add(Baseline(items, depth + 1));
        }

        return array;
    }

    private static string StringBaseline(JsonObject schema)
    {
        var minLength = Math.Min(SchemaReader.Count(schema, "minLength") ?? 0, MaxLength);
        var maxLength = SchemaReader.Count(schema, "maxLength") ?? int.MaxValue;
        var formatted = SchemaReader.Text(schema, "format") switch
        {
            "date" => "2024-03-05",
            "date-time" => "2024-03-05T12:00:00Z",
            "time" => "12:00:00",
            "email" => "user@example.com",
            "uri" or "url" or "iri" => "https://example.com/",
            "uuid" => "00000000-0000-4000-8000-000000000000",
            "hostname" => "example.com",
            "ipv4" => "192.0.2.1",
            "ipv6" => "2001:db8::1",
            _ => null,
        };

        if (formatted is not null)
        {
            return formatted;
        }

        var pattern = SchemaReader.Text(schema, "pattern");
        var candidates = pattern is null ? [PlainText] : FromCharacterClass(pattern).Concat(s_patternCandidates);
        foreach (var candidate in candidates)
        {
            var fitted = Fit(candidate, minLength, maxLength);
            if (pattern is null || Matches(fitted, pattern))
            {
                return fitted;
            }
        }

        return Fit(PlainText, minLength, maxLength);
    }

    // "^[A-Za-z]{2}$", "^[IVX]+$" and the like: the class's first character, repeated.
    private static IEnumerable<string> FromCharacterClass(string pattern)
    {
        var match = CharacterClassPattern().Match(pattern);
        if (!match.Success)
        {
            yield break;
        }

        var first = match.Groups["class"].Value[0];
        var count = match.Groups["count"].Success ? int.Parse(match.Groups["count"].Value, CultureInfo.InvariantCulture) : 1;
        yield return new string(first, Math.Clamp(count, 1, MaxLength));
    }

    private static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, s_regexTimeout);
        }
        catch (Exception ex) when (ex is ArgumentException or RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Fit(string text, int minLength, int maxLength)
    {
        var fitted = text.Length < minLength ? text + new string('a', minLength - text.Length) : text;
        return fitted.Length > maxLength ? fitted[..maxLength] : fitted;
    }

    private static decimal Clamp(JsonObject schema, decimal preferred, bool integer)
    {
        var value = preferred;
        var low = SchemaReader.Decimal(schema, "minimum") ?? (SchemaReader.Decimal(schema, "exclusiveMinimum") is { } exMin ? exMin + (integer ? 1 : 0.5m) : null);
        var high = SchemaReader.Decimal(schema, "maximum") ?? (SchemaReader.Decimal(schema, "exclusiveMaximum") is { } exMax ? exMax - (integer ? 1 : 0.5m) : null);
        if (low is { } lo && value < lo)
        {
            value = integer ? Math.Ceiling(lo) : lo;
        }

        if (high is { } hi && value > hi)
        {
            value = integer ? Math.Floor(hi) : hi;
        }

        return value;
    }

    [GeneratedRegex(@"^\^\[(?<class>[^\]\\])[^\]\\]*\](?:\+|\*|\{(?<count>\d{1,5})(?:,\d*)?\})\$$", RegexOptions.CultureInvariant)]
    private static partial Regex CharacterClassPattern();
}
