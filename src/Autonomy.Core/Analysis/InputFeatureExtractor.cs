using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Autonomy.Core.Analysis;

/// <summary>
/// Describes an input document as a set of features, per field (top-level fields and one level of nesting): its
/// JSON type, missing, null, empty, padded with whitespace, long, non-ASCII, negative, zero, fractional, huge,
/// a number written as text, a culture-formatted number (decimal comma), a date's layout (dd/MM/yyyy, MM/dd/yyyy,
/// ambiguous, ISO), letter case, its shape (digits as 9, letters as a) and, for short values, the value itself.
/// <see cref="FeatureLiftRanker"/> then finds the features that go with failure.
/// </summary>
public static partial class InputFeatureExtractor
{
    /// <summary>The field path for the input document itself.</summary>
    public const string Root = "$";

    /// <summary>Strings longer than this are "long".</summary>
    public const int LongStringLength = 256;

    /// <summary>Values up to this length also become a <c>value:</c> feature.</summary>
    public const int MaxValueFeatureLength = 32;

    /// <summary>Strings up to this length also become a <c>shape:</c> feature.</summary>
    public const int MaxShapeLength = 24;

    /// <summary>The features of one input, each with the value text that shows it.</summary>
    /// <param name="inputJson">The input document, or null.</param>
    /// <param name="knownFields">Field paths seen in other inputs of the sample: those absent here become <c>missing</c>.</param>
    public static Dictionary<InputFeature, string?> Extract(string? inputJson, IReadOnlyCollection<string> knownFields)
    {
        ArgumentNullException.ThrowIfNull(knownFields);
        var features = new Dictionary<InputFeature, string?>();
        if (inputJson is null)
        {
            features[new InputFeature(Root, "absent")] = null;
            return features;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(inputJson);
        }
        catch (JsonException)
        {
            features[new InputFeature(Root, "not-json")] = Shorten(inputJson);
            return features;
        }

        using (document)
        {
            var present = new HashSet<string>(StringComparer.Ordinal);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    Describe(property.Name, property.Value, features, present);
                    if (property.Value.ValueKind == JsonValueKind.Object)
                    {
                        foreach (var nested in property.Value.EnumerateObject())
                        {
                            Describe(property.Name + "." + nested.Name, nested.Value, features, present);
                        }
                    }
                }
            }
            else
            {
                Describe(Root, document.RootElement, features, present);
            }

            foreach (var field in knownFields)
            {
                if (!present.Contains(field) && ParentPresent(field, present))
                {
                    features[new InputFeature(field, "missing")] = null;
                }
            }
        }

        return features;
    }

    /// <summary>The field paths of an input (top level and one level of nesting), for <see cref="Extract"/>'s known fields.</summary>
    public static IEnumerable<string> FieldsOf(string? inputJson)
    {
        if (inputJson is null)
        {
            yield break;
        }

        List<string> fields = [];
        try
        {
            using var document = JsonDocument.Parse(inputJson);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    fields.Add(property.Name);
                    if (property.Value.ValueKind == JsonValueKind.Object)
                    {
                        fields.AddRange(property.Value.EnumerateObject().Select(n => property.Name + "." + n.Name));
                    }
                }
            }
        }
        catch (JsonException)
        {
            yield break;
        }

        foreach (var field in fields)
        {
            yield return field;
        }
    }

    /// <summary>The words for a feature of a field, to complete "inputs whose `field` field …".</summary>
    public static string Phrase(string feature) => feature switch
    {
        "missing" => "is missing",
        "null" => "is null",
        "empty" => "is empty",
        "whitespace-padded" => "has leading or trailing whitespace",
        "long" => $"is longer than {LongStringLength} characters",
        "non-ascii" => "contains non-ASCII characters",
        "negative" => "is negative",
        "zero" => "is zero",
        "fractional" => "has a fractional part",
        "huge" => "is 1e9 or more in magnitude",
        "numeric-text" => "is a number written as text",
        "culture-number" => "is a number with a decimal comma (culture-formatted)",
        "date:iso" => "is an ISO 8601 date",
        _ when feature.StartsWith("date:impossible", StringComparison.Ordinal) => $"looks like a date with '{feature[15..]}' but neither number can be a month",
        _ when feature.StartsWith("date:ambiguous", StringComparison.Ordinal) => $"is a date with '{feature[14..]}' whose day and month are both 12 or less",
        _ when feature.StartsWith("date:", StringComparison.Ordinal) => $"uses {feature[5..]}",
        "uppercase" => "is all upper case",
        "lowercase" => "is all lower case",
        "not-json" => "is not JSON",
        "absent" => "is absent",
        _ when feature.StartsWith("type:", StringComparison.Ordinal) => $"is a JSON {feature[5..]}",
        _ when feature.StartsWith("shape:", StringComparison.Ordinal) => $"has the shape {feature[6..]}",
        _ when feature.StartsWith("value:", StringComparison.Ordinal) => $"is {feature[6..]}",
        _ => feature,
    };

    private static void Describe(string field, JsonElement value, Dictionary<InputFeature, string?> features, HashSet<string> present)
    {
        present.Add(field);
        var raw = Shorten(value.GetRawText());
        void Add(string feature) => features[new InputFeature(field, feature)] = raw;

        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                Add("null");
                return;
            case JsonValueKind.String:
                Add("type:string");
                DescribeString(value.GetString() ?? string.Empty, Add);
                return;
            case JsonValueKind.Number:
                Add("type:number");
                DescribeNumber(value, Add);
                return;
            case JsonValueKind.True:
            case JsonValueKind.False:
                Add("type:boolean");
                Add("value:" + raw);
                return;
            case JsonValueKind.Array:
                Add("type:array");
                if (value.GetArrayLength() == 0)
                {
                    Add("empty");
                }

                return;
            case JsonValueKind.Object:
                Add("type:object");
                if (!value.EnumerateObject().Any())
                {
                    Add("empty");
                }

                return;
            default:
                return;
        }
    }

    private static void DescribeString(string text, Action<string> add)
    {
        if (text.Length == 0)
        {
            add("empty");
            return;
        }

        if (char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1]))
        {
            add("whitespace-padded");
        }

        if (text.Length > LongStringLength)
        {
            add("long");
        }

        if (text.Any(c => c > 127))
        {
            add("non-ascii");
        }

        var trimmed = text.Trim();
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
        {
            add("numeric-text");
        }
        else if (CultureNumber().IsMatch(trimmed))
        {
            add("culture-number");
        }

        if (NumericDate().Match(trimmed) is { Success: true } date)
        {
            var first = int.Parse(date.Groups[1].Value, CultureInfo.InvariantCulture);
            var second = int.Parse(date.Groups[3].Value, CultureInfo.InvariantCulture);
            var separator = date.Groups[2].Value;
            var year = date.Groups[4].Value.Length == 2 ? "yy" : "yyyy";
            add(first > 12 && second > 12 ? $"date:impossible{separator}"
                : first > 12 ? $"date:dd{separator}MM{separator}{year}"
                : second > 12 ? $"date:MM{separator}dd{separator}{year}"
                : $"date:ambiguous{separator}");
        }
        else if (IsoDate().IsMatch(trimmed))
        {
            add("date:iso");
        }

        if (trimmed.Any(char.IsLetter))
        {
            if (!trimmed.Any(char.IsLower))
            {
                add("uppercase");
            }
            else if (!trimmed.Any(char.IsUpper))
            {
                add("lowercase");
            }
        }

        if (text.Length <= MaxShapeLength)
        {
            add("shape:" + Shape(text));
        }

        if (text.Length <= MaxValueFeatureLength)
        {
            add("value:\"" + text + "\"");
        }
    }

    private static void DescribeNumber(JsonElement value, Action<string> add)
    {
        if (!value.TryGetDouble(out var number))
        {
            add("huge");
            return;
        }

        if (number < 0)
        {
            add("negative");
        }
        else if (number == 0)
        {
            add("zero");
        }

        if (Math.Abs(number) >= 1e9)
        {
            add("huge");
        }

        if (number != Math.Floor(number))
        {
            add("fractional");
        }

        var raw = value.GetRawText();
        if (raw.Length <= MaxValueFeatureLength)
        {
            add("value:" + raw);
        }
    }

    private static string Shape(string text)
    {
        var shape = new char[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            shape[i] = char.IsDigit(c) ? '9' : char.IsUpper(c) ? 'A' : char.IsLetter(c) ? 'a' : c;
        }

        return new string(shape);
    }

    private static bool ParentPresent(string field, HashSet<string> present)
    {
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 || present.Contains(field[..dot]);
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : string.Concat(text.AsSpan(0, 80), "…");

    [GeneratedRegex(@"^-?(\d{1,3}(\.\d{3})+|\d+),\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex CultureNumber();

    [GeneratedRegex(@"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();
}
