using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("digit_histogram", "Counts how often each decimal digit occurs in a text, and names the most frequent digit.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "text": { "type": "string" } }, "required": ["text"] }
""")]
public sealed class DigitHistogramTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var text = input!["text"]!.GetValue<string>();
        var counts = new int[9];
        foreach (var c in text)
        {
            if (c >= '0' && c <= '9')
            {
                counts[c - '0']++;
            }
        }

        var histogram = new JsonArray();
        var top = -1;
        for (var d = 0; d < counts.Length; d++)
        {
            histogram.Add(counts[d]);
            if (counts[d] > 0 && (top < 0 || counts[d] > counts[top]))
            {
                top = d;
            }
        }

        return Task.FromResult<JsonNode?>(new JsonObject { ["counts"] = histogram, ["mostFrequent"] = top });
    }
}
