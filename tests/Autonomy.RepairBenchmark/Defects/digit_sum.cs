using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("digit_sum", "The sum of the decimal digits of a non-negative integer, and whether it is divisible by 9.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "number": { "type": "integer", "minimum": 0 } }, "required": ["number"] }
""")]
public sealed class DigitSumTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var n = input!["number"]!.GetValue<long>();
        var sum = 0L;
        while (n > 0)
        {
            sum += n % 10;
            n %= 10;
        }

        return Task.FromResult<JsonNode?>(new JsonObject { ["sum"] = sum, ["divisibleBy9"] = sum % 9 == 0 });
    }
}
