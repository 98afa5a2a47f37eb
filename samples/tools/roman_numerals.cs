using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Samples.Tools;

[Tool("roman_numerals", "Converts an integer from 1 to 3999 to Roman numerals, or a Roman numeral back to an integer.")]
[ToolInputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": { "number": { "type": "integer", "minimum": 1, "maximum": 3999 }, "roman": { "type": "string", "pattern": "^[IVXLCDMivxlcdm]+$" } },
  "oneOf": [ { "required": ["number"] }, { "required": ["roman"] } ],
  "additionalProperties": false
}
""")]
[ToolOutputSchema("""{ "type": "object", "properties": { "number": { "type": "integer" }, "roman": { "type": "string" } }, "required": ["number", "roman"] }""")]
[ToolExample("""{"number": 2024}""", """{"number": 2024, "roman": "MMXXIV"}""")]
[ToolExample("""{"number": 3999}""", """{"number": 3999, "roman": "MMMCMXCIX"}""")]
[ToolExample("""{"roman": "MCMXCIV"}""", """{"number": 1994, "roman": "MCMXCIV"}""")]
[ToolExample("""{"roman": "cdxliv"}""", """{"number": 444, "roman": "CDXLIV"}""")]
public sealed class RomanNumeralsTool : ITool
{
    private static readonly (int Value, string Symbol)[] Table =
    [
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    ];

    private static readonly Dictionary<string, int> Values = Table.ToDictionary(t => t.Symbol, t => t.Value);

    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var number = input?["number"]?.GetValue<int>();
        var roman = input?["roman"]?.GetValue<string>().Trim().ToUpperInvariant();
        if ((number is null) == (roman is null))
            throw new InvalidToolInputException("Give exactly one of 'number' or 'roman'.");

        context.Log.Info(number is null ? $"Roman '{roman}' to number." : $"Number {number} to Roman.");
        if (number is int n)
            return n is >= 1 and <= 3999
                ? Task.FromResult<JsonNode?>(new JsonObject { ["number"] = n, ["roman"] = ToRoman(n) })
                : throw new InvalidToolInputException("Roman numerals cover 1 to 3999.");

        var s = roman!;
        int total = 0, i = 0;
        while (i < s.Length)
        {
            if (i <= s.Length - 1 && Values.TryGetValue(s.Substring(i, 2), out var pair))
            {
                total += pair;
                i += 2;
            }
            else
            {
                total += Values.TryGetValue(s[i].ToString(), out var single)
                    ? single
                    : throw new InvalidToolInputException($"'{s[i]}' is not a Roman digit.");
                i++;
            }
        }

        if (total is < 1 or > 3999 || ToRoman(total) != s)
            throw new InvalidToolInputException($"'{s}' is not a well-formed Roman numeral.");
        return Task.FromResult<JsonNode?>(new JsonObject { ["number"] = total, ["roman"] = s });
    }

    private static string ToRoman(int n)
    {
        var sb = new StringBuilder();
        foreach (var (value, symbol) in Table)
            for (; n >= value; n -= value)
                sb.Append(symbol);
        return sb.ToString();
    }
}
