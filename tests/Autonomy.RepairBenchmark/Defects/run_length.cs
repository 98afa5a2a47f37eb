using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("run_length", "Run-length encodes a text ('aaab' becomes '3a1b') and gives the compression ratio.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "text": { "type": "string" } }, "required": ["text"] }
""")]
public sealed class RunLengthTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var text = input!["text"]!.GetValue<string>();
        if (text.Length == 0)
        {
            return Task.FromResult<JsonNode?>(new JsonObject { ["encoded"] = "", ["runs"] = 0 });
        }

        var parts = new StringBuilder();
        var previous = text[0];
        var count = 1;
        var runs = 1;
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i] == previous)
            {
                count++;
                continue;
            }

            parts.Append(count).Append(previous);
            previous = text[i];
            count = 1;
            runs++;
        }

        var encoded = parts.ToString();
        return Task.FromResult<JsonNode?>(new JsonObject { ["encoded"] = encoded, ["runs"] = runs });
    }
}
