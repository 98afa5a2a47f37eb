using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("window_max", "The maximum of every window of a fixed size sliding over a series.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": {
    "values": { "type": "array", "items": { "type": "number" }, "minItems": 1 },
    "window": { "type": "integer", "minimum": 1 }
  },
  "required": ["values", "window"]
}
""")]
public sealed class WindowMaxTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var values = input!["values"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
        var window = input["window"]!.GetValue<int>();
        if (window > values.Length)
        {
            throw new InvalidToolInputException("The window is longer than the series.");
        }

        var maxima = new JsonArray();
        for (var start = 0; start <= values.Length - window; start++)
        {
            var max = values[start];
            for (var j = start + 1; j < start + window - 1; j++)
            {
                max = Math.Max(max, values[j]);
            }

            maxima.Add(max);
        }

        return Task.FromResult<JsonNode?>(new JsonObject { ["window"] = window, ["maxima"] = maxima });
    }
}
