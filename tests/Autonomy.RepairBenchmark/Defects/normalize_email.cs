using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("normalize_email", "Normalises an e-mail address (surrounding spaces removed, lower case) and gives its domain.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "email": { "type": "string" } }, "required": ["email"] }
""")]
public sealed class NormalizeEmailTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var raw = input!["email"]!.GetValue<string>();
        var email = raw.ToLowerInvariant();
        var at = email.IndexOf('@');
        if (at <= 0)
        {
            throw new InvalidToolInputException("Not an e-mail address.");
        }

        return Task.FromResult<JsonNode?>(new JsonObject { ["email"] = email, ["domain"] = email[(at + 1)..] });
    }
}
