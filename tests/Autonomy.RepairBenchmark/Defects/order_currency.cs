using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("order_currency", "Formats an order's amount in its currency; the currency defaults to EUR.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": { "amount": { "type": "number" }, "currency": { "type": "string", "default": "EUR" } },
  "required": ["amount"]
}
""")]
public sealed class OrderCurrencyTool : ITool
{
    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var amount = input!["amount"]!.GetValue<double>();
        var currency = input["currency"]!.GetValue<string>();
        var decimals = currency == "JPY" ? 0 : 2;
        var text = Math.Round(amount, decimals).ToString(decimals == 0 ? "N0" : "N2", CultureInfo.InvariantCulture) + " " + currency;
        return Task.FromResult<JsonNode?>(new JsonObject { ["currency"] = currency, ["text"] = text });
    }
}
