using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("daily_range", "The lowest minimum, the highest maximum and the widest daily range over a list of daily readings.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": {
    "days": { "type": "array", "minItems": 1, "items": { "type": "object", "properties": { "min": { "type": "number" }, "max": { "type": "number" } }, "required": ["min", "max"] } }
  },
  "required": ["days"]
}
""")]
public sealed class DailyRangeTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var days = input!["days"]!.AsArray();
        var lowest = days.Min(d => d!["max"]!.GetValue<double>());
        var highest = days.Max(d => d!["max"]!.GetValue<double>());
        var widest = days.Max(d => d!["max"]!.GetValue<double>() - d!["min"]!.GetValue<double>());
        return Task.FromResult<JsonNode?>(new JsonObject { ["lowest"] = lowest, ["highest"] = highest, ["widestRange"] = Math.Round(widest, 2) });
    }
}
