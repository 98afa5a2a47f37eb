using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("restock_list", "Lists the SKUs to reorder: stock at or below the reorder level, except discontinued items.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": {
    "items": { "type": "array", "items": { "type": "object", "properties": {
      "sku": { "type": "string" }, "onHand": { "type": "integer" }, "reorderLevel": { "type": "integer" }, "discontinued": { "type": "boolean" } },
      "required": ["sku", "onHand", "reorderLevel"] } }
  },
  "required": ["items"]
}
""")]
public sealed class RestockListTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var reorder = new JsonArray();
        var units = 0;
        foreach (var item in input!["items"]!.AsArray())
        {
            var onHand = item!["onHand"]!.GetValue<int>();
            var level = item["reorderLevel"]!.GetValue<int>();
            var discontinued = item["discontinued"]?.GetValue<bool>() ?? false;
            if (onHand <= level)
            {
                reorder.Add(item["sku"]!.GetValue<string>());
                units += 2 * level - onHand;
            }
        }

        return Task.FromResult<JsonNode?>(new JsonObject { ["reorder"] = reorder, ["units"] = units });
    }
}
