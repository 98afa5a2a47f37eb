using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Samples.Tools;

[Tool("slugify", "Turns a title or phrase into a lower-case, URL-safe slug, folding accents and non-Latin digits and optionally capping the length at a word boundary.")]
[ToolInputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "text": { "type": "string", "minLength": 1 },
    "separator": { "type": "string", "enum": ["-", "_", "."], "default": "-" },
    "maxLength": { "type": "integer", "minimum": 1, "description": "Cut the slug at the last whole word within this many characters." }
  },
  "required": ["text"],
  "additionalProperties": false
}
""")]
[ToolOutputSchema("""{ "type": "object", "properties": { "slug": { "type": "string" } }, "required": ["slug"] }""")]
[ToolExample("""{"text": "Hello, World! Ça va?"}""", """{"slug": "hello-world-ca-va"}""")]
[ToolExample("""{"text": "  Straße & Söhne GmbH  ", "separator": "_"}""", """{"slug": "strasse_sohne_gmbh"}""")]
[ToolExample("""{"text": "The quick brown fox jumps over the lazy dog", "maxLength": 20}""", """{"slug": "the-quick-brown-fox"}""")]
public sealed class SlugifyTool : ITool
{
    private static readonly Dictionary<char, string> Special = new()
    {
        ['ß'] = "ss", ['æ'] = "ae", ['ø'] = "o", ['œ'] = "oe", ['ł'] = "l", ['đ'] = "d", ['þ'] = "th", ['ı'] = "i",
    };

    private static readonly Dictionary<char, char> Digits = new[] { '\u0660', '\u06F0', '\u0966', '\uFF10' }
        .SelectMany(zero => Enumerable.Range(0, 10).Select(d => (Digit: (char)(zero + d), Ascii: (char)('0' + d))))
        .ToDictionary(p => p.Digit, p => p.Ascii);

    private static readonly Regex NonAlphanumeric = new("[^a-z0-9]+", RegexOptions.CultureInvariant);

    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var text = input?["text"]?.GetValue<string>() ?? throw new InvalidToolInputException("'text' is required.");
        var separator = input?["separator"]?.GetValue<string>() ?? "-";
        var maxLength = input?["maxLength"]?.GetValue<int>();

        var folded = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var lower = char.ToLowerInvariant(c);
            if (char.IsDigit(lower))
                folded.Append(Digits[lower]);
            else if (Special.TryGetValue(lower, out var replacement))
                folded.Append(replacement);
            else
                folded.Append(lower);
        }

        var slug = NonAlphanumeric.Replace(folded.ToString(), separator).Trim(separator[0]);
        if (slug.Length == 0)
            throw new InvalidToolInputException("The text has no letters or digits to build a slug from.");

        if (maxLength is int max && slug.Length > max)
        {
            var cut = slug.LastIndexOf(separator[0], max);
            slug = cut > 0 ? slug[..cut] : slug[..max];
            context.Log.Info($"Slug cut to {slug.Length} characters (limit {max}).");
        }

        return Task.FromResult<JsonNode?>(new JsonObject { ["slug"] = slug });
    }
}
