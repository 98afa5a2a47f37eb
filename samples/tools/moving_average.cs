using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Samples.Tools;

[Tool("moving_average", "Computes the simple moving average of a numeric series over a trailing window of fixed size.")]
[ToolInputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "values": { "type": "array", "items": { "type": "number" }, "minItems": 1 },
    "window": { "type": "integer", "minimum": 1 },
    "decimals": { "type": "integer", "minimum": 0, "maximum": 10, "default": 4 }
  },
  "required": ["values", "window"],
  "additionalProperties": false
}
""")]
[ToolOutputSchema("""
{
  "type": "object",
  "properties": {
    "window": { "type": "integer" },
    "averages": { "type": "array", "items": { "type": "number" } }
  },
  "required": ["window", "averages"]
}
""")]
[ToolExample("""{"values": [1, 2, 3, 4, 5], "window": 3}""", """{"window": 3, "averages": [2, 3, 4]}""")]
[ToolExample("""{"values": [10, 11, 13, 12], "window": 2, "decimals": 1}""", """{"window": 2, "averages": [10.5, 12, 12.5]}""")]
[ToolExample("""{"values": [1, 2, 2], "window": 3}""", """{"window": 3, "averages": [1.6667]}""")]
public sealed class MovingAverageTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var values = input?["values"]?.AsArray().Select(v => v!.GetValue<double>()).ToArray()
            ?? throw new InvalidToolInputException("'values' is required.");
        var window = input?["window"]?.GetValue<int>() ?? throw new InvalidToolInputException("'window' is required.");
        var decimals = input?["decimals"]?.GetValue<int>() ?? 4;
        if (window > values.Length)
            throw new InvalidToolInputException($"The window ({window}) is longer than the series ({values.Length} values).");

        var averages = new JsonArray();
        var sum = values.Take(window).Sum();
        averages.Add(Math.Round(sum / window, decimals));
        for (var i = window; i < values.Length; i++)
        {
            sum += values[i] - values[i - window];
            averages.Add(Math.Round(sum / window, decimals));
        }

        context.Log.Info($"{averages.Count} averages over a window of {window}.");
        return Task.FromResult<JsonNode?>(new JsonObject { ["window"] = window, ["averages"] = averages });
    }
}
