using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("breadcrumb", "The breadcrumb trail from the root category down to a category, given each category's parent.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": { "parents": { "type": "object", "additionalProperties": { "type": "string" } }, "category": { "type": "string" } },
  "required": ["parents", "category"]
}
""")]
public sealed class BreadcrumbTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var parents = new Dictionary<string, string>();
        foreach (var (child, parent) in input!["parents"]!.AsObject())
        {
            parents[child] = parent!.GetValue<string>();
        }

        var current = input["category"]!.GetValue<string>();
        var trail = current;
        var depth = 0;
        while (parents.TryGetValue(current, out var parent) && depth < 50)
        {
            trail = trail + " > " + parent;
            current = parent;
            depth++;
        }

        return Task.FromResult<JsonNode?>(new JsonObject { ["trail"] = trail, ["depth"] = depth });
    }
}
