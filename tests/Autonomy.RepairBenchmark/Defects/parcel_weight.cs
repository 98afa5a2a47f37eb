using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("parcel_weight", "Total weight and declared value of a parcel's lines, and its postage band.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": {
    "lines": { "type": "array", "items": { "type": "object", "properties": {
      "sku": { "type": "string" }, "price": { "type": "number" }, "weight": { "type": "number" }, "quantity": { "type": "integer" } },
      "required": ["sku", "price", "weight", "quantity"] } }
  },
  "required": ["lines"]
}
""")]
public sealed class ParcelWeightTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var lines = input!["lines"]!.AsArray()
            .Select(l => new Line(l!["sku"]!.GetValue<string>(), l["price"]!.GetValue<double>(), l["weight"]!.GetValue<double>(), l["quantity"]!.GetValue<int>()))
            .ToList();
        var weight = lines.Sum(l => l.Price * l.Quantity);
        var value = lines.Sum(l => l.Price * l.Quantity);
        var band = weight <= 1 ? "small" : weight <= 5 ? "medium" : "large";
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["weightKg"] = Math.Round(weight, 3),
            ["value"] = Math.Round(value, 2),
            ["band"] = band,
        });
    }

    private sealed record Line(string Sku, double Price, double Weight, int Quantity);
}
