using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.RepairBenchmark.Defects;

[Tool("vat_rate", "Adds the standard VAT of a country (ISO code) to a net price.")]
[ToolInputSchema("""
{
  "type": "object",
  "properties": { "country": { "type": "string" }, "net": { "type": "number", "minimum": 0 } },
  "required": ["country", "net"]
}
""")]
public sealed class VatRateTool : ITool
{
    private static readonly Dictionary<string, double> Rates = new()
    {
        ["DE"] = 0.19,
        ["FR"] = 0.20,
        ["IT"] = 0.22,
        ["ES"] = 0.21,
        ["NL"] = 0.21,
        ["LU"] = 0.17,
    };

    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var country = input!["country"]!.GetValue<string>();
        var net = input["net"]!.GetValue<double>();
        var rate = Rates[country];
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["rate"] = rate,
            ["vat"] = Math.Round(net * rate, 2),
            ["gross"] = Math.Round(net * (1 + rate), 2),
        });
    }
}
