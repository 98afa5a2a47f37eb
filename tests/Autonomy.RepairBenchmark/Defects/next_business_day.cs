using System;
using System.Globalization;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("next_business_day", "The first business day after a date (yyyy-MM-dd), skipping weekends and the given holidays.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": { "date": { "type": "string" }, "holidays": { "type": "array", "items": { "type": "string" } } },
  "required": ["date"]
}
""")]
public sealed class NextBusinessDayTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var date = DateTime.ParseExact(input!["date"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var holidays = (input["holidays"]?.AsArray().Select(h => h!.GetValue<string>()) ?? []).ToHashSet();
        var day = date.AddDays(1);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || holidays.Contains(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
        {
            day.AddDays(1);
        }

        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["next"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["weekday"] = day.DayOfWeek.ToString(),
            ["daysAhead"] = (day - date).Days,
        });
    }
}
