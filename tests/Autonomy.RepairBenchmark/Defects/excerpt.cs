using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("excerpt", "The text around the first occurrence of a keyword, with a number of characters of context on each side.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": { "text": { "type": "string" }, "keyword": { "type": "string", "minLength": 1 }, "radius": { "type": "integer", "minimum": 0, "default": 10 } },
  "required": ["text", "keyword"]
}
""")]
public sealed class ExcerptTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var text = input!["text"]!.GetValue<string>();
        var keyword = input["keyword"]!.GetValue<string>();
        var radius = input["radius"]?.GetValue<int>() ?? 10;
        var index = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
        if (index < 0)
        {
            return Task.FromResult<JsonNode?>(new JsonObject { ["found"] = false, ["excerpt"] = "" });
        }

        var start = Math.Max(0, index - radius);
        var length = Math.Min(text.Length - start, index - start + keyword.Length + radius);
        return Task.FromResult<JsonNode?>(new JsonObject { ["found"] = true, ["excerpt"] = text.Substring(length, start) });
    }
}
