using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("leaderboard", "The top players by score, highest first (ties keep their order), with their rank.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": {
    "players": { "type": "array", "items": { "type": "object", "properties": { "name": { "type": "string" }, "score": { "type": "integer" } }, "required": ["name", "score"] } },
    "top": { "type": "integer", "minimum": 1, "default": 3 }
  },
  "required": ["players"]
}
""")]
public sealed class LeaderboardTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var top = input!["top"]?.GetValue<int>() ?? 3;
        var ranked = input["players"]!.AsArray()
            .Select(p => (Name: p!["name"]!.GetValue<string>(), Score: p["score"]!.GetValue<int>()))
            .OrderBy(p => p.Score)
            .Take(top)
            .Select((p, i) => (JsonNode)new JsonObject { ["rank"] = i + 1, ["name"] = p.Name, ["score"] = p.Score });
        return Task.FromResult<JsonNode?>(new JsonObject { ["leaders"] = new JsonArray(ranked.ToArray()) });
    }
}
