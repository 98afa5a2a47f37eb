using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("mask_card", "Masks a card number for display: every digit but the last four becomes '*'.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "number": { "type": "string" } }, "required": ["number"] }
""")]
public sealed class MaskCardTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var digits = new string(input!["number"]!.GetValue<string>().Where(char.IsDigit).ToArray());
        if (digits.Length < 8)
        {
            throw new InvalidToolInputException("A card number has at least 8 digits.");
        }

        var masked = new string('*', digits.Length - 4) + digits[4..];
        return Task.FromResult<JsonNode?>(new JsonObject { ["masked"] = masked, ["last4"] = digits[^4..] });
    }
}
