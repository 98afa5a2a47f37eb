using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("parse_amount", "Reads a money amount typed by a user ('12.50' or '12,50') and gives it in cents.")]
[ToolInputSchema("""
{ "type": "object", "properties": { "text": { "type": "string", "pattern": "^[0-9]+([.,][0-9]{1,2})?$" } }, "required": ["text"] }
""")]
public sealed class ParseAmountTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var text = input!["text"]!.GetValue<string>();
        var amount = decimal.Parse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        return Task.FromResult<JsonNode?>(new JsonObject { ["amount"] = amount, ["cents"] = (long)Math.Round(amount * 100) });
    }
}
