using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("temperature_change", "The change between two temperature readings, with its direction.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "from": { "type": "number" }, "to": { "type": "number" } }, "required": ["from", "to"] }
""")]
public sealed class TemperatureChangeTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var from = input!["from"]!.GetValue<double>();
        var to = input["to"]!.GetValue<double>();
        var delta = Math.Abs(to - from);
        var direction = delta > 0 ? "up" : delta < 0 ? "down" : "flat";
        return Task.FromResult<JsonNode?>(new JsonObject { ["delta"] = Math.Round(delta, 2), ["direction"] = direction });
    }
}
