using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("best_month", "The best monthly sales figure and the yearly total; a year without sales has 0 for both.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "sales": { "type": "array", "items": { "type": "number" } } }, "required": ["sales"] }
""")]
public sealed class BestMonthTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var sales = input!["sales"]!.AsArray().Select(s => s!.GetValue<double>()).ToList();
        var best = sales.Max();
        return Task.FromResult<JsonNode?>(new JsonObject { ["best"] = best, ["total"] = Math.Round(sales.Sum(), 2), ["months"] = sales.Count });
    }
}
