using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("trimmed_mean", "Mean of judges' scores without the single lowest and the single highest score.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "scores": { "type": "array", "items": { "type": "number" }, "minItems": 3 } }, "required": ["scores"] }
""")]
public sealed class TrimmedMeanTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var sorted = input!["scores"]!.AsArray().Select(s => s!.GetValue<double>()).Order().ToArray();
        var kept = sorted[1..];
        return Task.FromResult<JsonNode?>(new JsonObject { ["mean"] = Math.Round(kept.Average(), 3), ["counted"] = kept.Length });
    }
}
