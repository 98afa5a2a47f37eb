using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("days_in_month", "The number of days in a month of the Gregorian calendar, and whether the year is a leap year.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": { "year": { "type": "integer", "minimum": 1 }, "month": { "type": "integer", "minimum": 1, "maximum": 12 } },
  "required": ["year", "month"]
}
""")]
public sealed class DaysInMonthTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var year = input!["year"]!.GetValue<int>();
        var month = input["month"]!.GetValue<int>();
        var leap = year % 4 == 0 && year % 100 != 0;
        var days = month switch
        {
            2 => leap ? 29 : 28,
            4 or 6 or 9 or 11 => 30,
            _ => 31,
        };
        return Task.FromResult<JsonNode?>(new JsonObject { ["days"] = days, ["leapYear"] = leap });
    }
}
