using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("spell_digits", "Spells a non-negative integer digit by digit, as read out over the phone ('four two').")]
[ToolInputSchema("""
{ "type": "object", "properties": { "number": { "type": "integer", "minimum": 0 } }, "required": ["number"] }
""")]
public sealed class SpellDigitsTool : ITool
{
    private static readonly string[] Names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var n = input!["number"]!.GetValue<long>();
        var words = "";
        var count = 0;
        do
        {
            var word = Names[n % 10];
            words = words.Length == 0 ? word : words + " " + word;
            n /= 10;
            count++;
        }
        while (n > 0);

        return Task.FromResult<JsonNode?>(new JsonObject { ["words"] = words, ["digits"] = count });
    }
}
