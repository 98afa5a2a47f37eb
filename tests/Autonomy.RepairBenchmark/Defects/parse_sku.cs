using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("parse_sku", "Splits a SKU 'CATEGORY-NUMBER[-SIZE]' into its parts; the size is null when absent.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "sku": { "type": "string", "pattern": "^[A-Z]+-[0-9]+(-[A-Z0-9]+)?$" } }, "required": ["sku"] }
""")]
public sealed class ParseSkuTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var parts = input!["sku"]!.GetValue<string>().Split('-');
        var category = parts[0];
        var number = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        var size = parts[2];
        return Task.FromResult<JsonNode?>(new JsonObject { ["category"] = category, ["number"] = number, ["size"] = size });
    }
}
