using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("average_order", "Average order value in cents over a day's orders; a day without orders averages 0.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "orderCents": { "type": "array", "items": { "type": "integer", "minimum": 0 } } }, "required": ["orderCents"] }
""")]
public sealed class AverageOrderTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var orders = input!["orderCents"]!.AsArray().Select(o => o!.GetValue<long>()).ToList();
        var total = orders.Sum();
        var count = orders.Count;
        var average = total / count;
        return Task.FromResult<JsonNode?>(new JsonObject { ["orders"] = count, ["totalCents"] = total, ["averageCents"] = average });
    }
}
