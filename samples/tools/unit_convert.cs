using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Samples.Tools;

[Tool("unit_convert", "Converts a value between units of length, mass or temperature, rounded to a given precision.")]
[ToolInputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "value": { "type": "number" },
    "from": { "type": "string", "description": "m, km, cm, mm, mi, yd, ft, in, kg, g, mg, t, lb, oz, C, F or K" },
    "to": { "type": "string" },
    "precision": { "type": "integer", "minimum": 0, "maximum": 10, "default": 4, "description": "Decimal places in the result." }
  },
  "required": ["value", "from", "to"],
  "additionalProperties": false
}
""")]
[ToolExample("""{"value": 5, "from": "km", "to": "mi", "precision": 3}""", """{"value": 3.107, "unit": "mi", "category": "length"}""")]
[ToolExample("""{"value": 100, "from": "C", "to": "F", "precision": 1}""", """{"value": 212, "unit": "F", "category": "temperature"}""")]
[ToolExample("""{"value": 2.5, "from": "lb", "to": "g", "precision": 0}""", """{"value": 1134, "unit": "g", "category": "mass"}""")]
public sealed class UnitConvertTool : ITool
{
    private static readonly Dictionary<string, (string Category, double Factor)> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["m"] = ("length", 1), ["km"] = ("length", 1000), ["cm"] = ("length", 0.01), ["mm"] = ("length", 0.001),
        ["mi"] = ("length", 1609.344), ["yd"] = ("length", 0.9144), ["ft"] = ("length", 0.3048), ["in"] = ("length", 0.0254),
        ["kg"] = ("mass", 1), ["g"] = ("mass", 0.001), ["mg"] = ("mass", 0.000001), ["t"] = ("mass", 1000),
        ["lb"] = ("mass", 0.45359237), ["oz"] = ("mass", 0.028349523125),
        ["C"] = ("temperature", 1), ["F"] = ("temperature", 1), ["K"] = ("temperature", 1),
    };

    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var value = input?["value"]?.GetValue<double>() ?? throw new InvalidToolInputException("'value' is required.");
        var from = input?["from"]?.GetValue<string>() ?? throw new InvalidToolInputException("'from' is required.");
        var to = input?["to"]?.GetValue<string>() ?? throw new InvalidToolInputException("'to' is required.");
        var precision = input!["precision"]!.GetValue<int>();

        if (!Units.TryGetValue(from, out var source) || !Units.TryGetValue(to, out var target))
            throw new InvalidToolInputException($"Unknown unit: '{(Units.ContainsKey(from) ? to : from)}'.");
        if (source.Category != target.Category)
            throw new InvalidToolInputException($"Cannot convert {source.Category} ({from}) to {target.Category} ({to}).");

        var result = source.Category == "temperature"
            ? FromKelvin(ToKelvin(value, from), to)
            : value * source.Factor / target.Factor;

        context.Log.Info($"{value.ToString(CultureInfo.InvariantCulture)} {from} -> {result.ToString(CultureInfo.InvariantCulture)} {to}");
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["value"] = Math.Round(result, precision),
            ["unit"] = to,
            ["category"] = source.Category,
        });
    }

    private static double ToKelvin(double v, string unit) => unit.ToUpperInvariant() switch
    {
        "C" => v + 273.15,
        "F" => (v - 32) * 5 / 9 + 273.15,
        _ => v,
    };

    private static double FromKelvin(double k, string unit) => unit.ToUpperInvariant() switch
    {
        "C" => k - 273.15,
        "F" => (k - 273.15) * 9 / 5 + 32,
        _ => k,
    };
}
