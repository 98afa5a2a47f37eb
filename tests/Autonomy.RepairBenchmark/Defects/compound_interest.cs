using System;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("compound_interest", "Grows a principal at a yearly rate compounded a number of times a year, and gives the amount and the interest.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": {
    "principal": { "type": "number", "minimum": 0 },
    "rate": { "type": "number", "minimum": 0 },
    "years": { "type": "integer", "minimum": 0 },
    "periodsPerYear": { "type": "integer", "minimum": 1, "default": 12 }
  },
  "required": ["principal", "rate", "years"]
}
""")]
public sealed class CompoundInterestTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var principal = input!["principal"]!.GetValue<double>();
        var rate = input["rate"]!.GetValue<double>();
        var years = input["years"]!.GetValue<int>();
        var periods = input["periodsPerYear"]?.GetValue<int>() ?? 12;
        var amount = principal * Math.Pow(1 + rate * periods, periods * years);
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["amount"] = Math.Round(amount, 2),
            ["interest"] = Math.Round(amount - principal, 2),
        });
    }
}
