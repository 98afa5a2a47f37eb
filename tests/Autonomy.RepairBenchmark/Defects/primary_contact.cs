using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("primary_contact", "The e-mail to write to for a customer: the primary contact's, or the first contact's when none is primary.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": {
    "contacts": { "type": "array", "minItems": 1, "items": { "type": "object", "properties": { "email": { "type": "string" }, "primary": { "type": "boolean" } }, "required": ["email"] } }
  },
  "required": ["contacts"]
}
""")]
public sealed class PrimaryContactTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var contacts = input!["contacts"]!.AsArray();
        var chosen = contacts.First(c => c!["primary"]?.GetValue<bool>() == true);
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["email"] = chosen!["email"]!.GetValue<string>(),
            ["contacts"] = contacts.Count,
        });
    }
}
