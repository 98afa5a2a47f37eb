using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("days_between", "Nights and days of a stay between a check-in and a check-out date (yyyy-MM-dd).")]
[ToolInputSchema("""
{ "type": "object", "properties": { "checkIn": { "type": "string" }, "checkOut": { "type": "string" } }, "required": ["checkIn", "checkOut"] }
""")]
public sealed class DaysBetweenTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var checkIn = DateTime.ParseExact(input!["checkIn"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var checkOut = DateTime.ParseExact(input["checkOut"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var nights = Nights(checkOut, checkIn);
        return Task.FromResult<JsonNode?>(new JsonObject { ["nights"] = nights, ["days"] = nights + 1, ["valid"] = nights >= 0 });
    }

    private static int Nights(DateTime from, DateTime to) => (to - from).Days;
}
