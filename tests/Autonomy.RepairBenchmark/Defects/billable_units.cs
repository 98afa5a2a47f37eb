using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("billable_units", "Bills time in started quarter hours: the number of quarter-hour units and the amount at an hourly rate.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": { "minutes": { "type": "integer", "minimum": 0 }, "hourlyRate": { "type": "number", "minimum": 0 } },
  "required": ["minutes", "hourlyRate"]
}
""")]
public sealed class BillableUnitsTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var minutes = input!["minutes"]!.GetValue<int>();
        var rate = input["hourlyRate"]!.GetValue<double>();
        var units = (int)Math.Floor(minutes / 15.0);
        return Task.FromResult<JsonNode?>(new JsonObject { ["units"] = units, ["amount"] = Math.Round(units * rate / 4, 2) });
    }
}
