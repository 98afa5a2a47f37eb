using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("invoice_discount", "Applies a percentage discount to an invoice's subtotal (not to shipping) and gives the total.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": {
    "subtotal": { "type": "number", "minimum": 0 },
    "shipping": { "type": "number", "minimum": 0 },
    "discountPercent": { "type": "number", "minimum": 0, "maximum": 100 }
  },
  "required": ["subtotal", "shipping", "discountPercent"]
}
""")]
public sealed class InvoiceDiscountTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var subtotal = input!["subtotal"]!.GetValue<double>();
        var shipping = input["shipping"]!.GetValue<double>();
        var percent = input["discountPercent"]!.GetValue<double>();
        var discount = Math.Round(shipping * percent / 100, 2);
        var total = Math.Round(subtotal - discount + shipping, 2);
        return Task.FromResult<JsonNode?>(new JsonObject { ["discount"] = discount, ["total"] = total });
    }
}
