using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("discount_tier", "Volume discount: 10 % from an order total of 100, 5 % from 50, and the price to pay.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "total": { "type": "number", "minimum": 0 } }, "required": ["total"] }
""")]
public sealed class DiscountTierTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var total = input!["total"]!.GetValue<double>();
        var percent = 0;
        if (total > 100)
        {
            percent = 10;
        }
        else if (total >= 50)
        {
            percent = 5;
        }

        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["percent"] = percent,
            ["toPay"] = Math.Round(total * (100 - percent) / 100, 2),
        });
    }
}
