using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("page_count", "Paginates a result set: the number of pages, and the first and last item (1-based) of a requested page.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": {
    "totalItems": { "type": "integer", "minimum": 0 },
    "pageSize": { "type": "integer", "minimum": 1 },
    "page": { "type": "integer", "minimum": 1, "default": 1 }
  },
  "required": ["totalItems", "pageSize"]
}
""")]
public sealed class PageCountTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var total = input!["totalItems"]!.GetValue<int>();
        var size = input["pageSize"]!.GetValue<int>();
        var page = input["page"]?.GetValue<int>() ?? 1;
        var pages = (total + size) / size;
        var first = (page - 1) * size + 1;
        var last = Math.Min(page * size, total);
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["pages"] = pages,
            ["firstItem"] = first <= total ? first : 0,
            ["lastItem"] = first <= total ? last : 0,
            ["hasNext"] = page < pages,
        });
    }
}
