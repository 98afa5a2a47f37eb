using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Samples.Tools;

[Tool("currency_format", "Formats an amount of money for display, with the currency's symbol or code and its usual number of decimals.")]
[ToolInputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "amount": { "type": "number" },
    "currency": { "type": "string", "pattern": "^[A-Za-z]{3}$", "description": "ISO 4217 code, e.g. USD." },
    "display": { "type": "string", "enum": ["symbol", "code"], "default": "symbol" }
  },
  "required": ["amount", "currency"],
  "additionalProperties": false
}
""")]
[ToolExample("""{"amount": 1234.5, "currency": "USD"}""", """{"formatted": "$1,234.50", "currency": "USD", "amount": 1234.5}""")]
[ToolExample("""{"amount": -0.125, "currency": "eur"}""", """{"formatted": "-€0.13", "currency": "EUR", "amount": -0.13}""")]
[ToolExample("""{"amount": 98765.4, "currency": "JPY", "display": "code"}""", """{"formatted": "98,765 JPY", "currency": "JPY", "amount": 98765}""")]
public sealed class CurrencyFormatTool : ITool
{
    private static readonly Dictionary<string, (string Symbol, int Decimals)> Currencies = new()
    {
        ["USD"] = ("$", 2), ["EUR"] = ("€", 2), ["GBP"] = ("£", 2), ["JPY"] = ("¥", 0),
        ["CHF"] = ("CHF ", 2), ["CAD"] = ("CA$", 2), ["AUD"] = ("A$", 2), ["CNY"] = ("CN¥", 2),
        ["INR"] = ("₹", 2), ["BRL"] = ("R$", 2), ["KRW"] = ("₩", 0), ["SEK"] = ("SEK ", 2),
        ["MXN"] = ("MX$", 2), ["KWD"] = ("KD ", 3), ["ZAR"] = ("R ", 2),
    };

    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        if (input?["amount"] is not JsonValue amountValue || !amountValue.TryGetValue<decimal>(out var amount))
            throw new InvalidToolInputException("'amount' must be a number between -7.9e28 and 7.9e28.");
        var code = input?["currency"]?.GetValue<string>().ToUpperInvariant() ?? throw new InvalidToolInputException("'currency' is required.");
        var display = input?["display"]?.GetValue<string>() ?? "symbol";

        if (!Currencies.TryGetValue(code, out var currency))
            throw new InvalidToolInputException($"Unsupported currency '{code}'. Supported: {string.Join(", ", Currencies.Keys)}.");

        var rounded = Math.Round(amount, currency.Decimals, MidpointRounding.AwayFromZero);
        var number = Math.Abs(rounded).ToString("N" + currency.Decimals, CultureInfo.InvariantCulture);
        var sign = rounded < 0 ? "-" : "";
        var formatted = display == "code" ? $"{sign}{number} {code}" : $"{sign}{currency.Symbol}{number}";

        context.Log.Info($"Formatted {amount.ToString(CultureInfo.InvariantCulture)} {code} as '{formatted}'.");
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["formatted"] = formatted,
            ["currency"] = code,
            ["amount"] = rounded,
        });
    }
}
