using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("headline", "Shortens a title to 20 characters for a notification, with an ellipsis when it was cut.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "title": { "type": "string" } }, "required": ["title"] }
""")]
public sealed class HeadlineTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var title = input!["title"]!.GetValue<string>().Trim();
        var shortened = title.Substring(0, 20).TrimEnd() + "…";
        return Task.FromResult<JsonNode?>(new JsonObject { ["headline"] = shortened, ["cut"] = shortened != title });
    }
}
