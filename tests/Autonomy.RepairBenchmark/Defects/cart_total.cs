using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("cart_total", "Totals a shopping cart: subtotal, item count, tax at a rate and the grand total.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": {
    "items": { "type": "array", "items": { "type": "object", "properties": { "price": { "type": "number" }, "quantity": { "type": "integer" } }, "required": ["price", "quantity"] } },
    "taxRate": { "type": "number", "minimum": 0, "default": 0.2 }
  },
  "required": ["items"]
}
""")]
public sealed class CartTotalTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var items = input!["items"]!.AsArray();
        var taxRate = input["taxRate"]?.GetValue<double>() ?? 0.2;
        double subtotal = 0;
        var count = 0;
        foreach (var item in items)
        {
            var price = item!["price"]!.GetValue<double>();
            var quantity = item["quantity"]!.GetValue<int>();
            subtotal += price + quantity;
            count += quantity;
        }

        var tax = Math.Round(subtotal * taxRate, 2);
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["items"] = count,
            ["subtotal"] = Math.Round(subtotal, 2),
            ["tax"] = tax,
            ["total"] = Math.Round(subtotal + tax, 2),
        });
    }
}
