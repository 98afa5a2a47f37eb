using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Samples.Tools;

[Tool("country_info", "Looks up a country by its ISO 3166-1 alpha-2 code and returns its name, capital, currency and international calling code.")]
[ToolInputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "code": { "type": "string", "pattern": "^[A-Za-z]{2}$", "description": "ISO 3166-1 alpha-2 code, e.g. FR." }
  },
  "required": ["code"],
  "additionalProperties": false
}
""")]
[ToolOutputSchema("""
{
  "type": "object",
  "properties": {
    "code": { "type": "string" }, "found": { "type": "boolean" }, "name": { "type": "string" },
    "capital": { "type": "string" }, "currency": { "type": "string" }, "callingCode": { "type": "string" } },
  "required": ["code", "found"]
}
""")]
[ToolExample("""{"code": "FR"}""", """{"code": "FR", "found": true, "name": "France", "capital": "Paris", "currency": "EUR", "callingCode": "+33"}""")]
[ToolExample("""{"code": "jp"}""", """{"code": "JP", "found": true, "name": "Japan", "capital": "Tokyo", "currency": "JPY", "callingCode": "+81"}""")]
[ToolExample("""{"code": "BR"}""", """{"code": "BR", "found": true, "name": "Brazil", "capital": "Brasília", "currency": "BRL", "callingCode": "+55"}""")]
public sealed class CountryInfoTool : ITool
{
    private static readonly Dictionary<string, (string Name, string Capital, string Currency, string CallingCode)> Countries = new()
    {
        ["US"] = ("United States", "Washington, D.C.", "USD", "+1"),
        ["CA"] = ("Canada", "Ottawa", "CAD", "+1"),
        ["MX"] = ("Mexico", "Mexico City", "MXN", "+52"),
        ["BR"] = ("Brazil", "Brasília", "BRL", "+55"),
        ["AR"] = ("Argentina", "Buenos Aires", "ARS", "+54"),
        ["GB"] = ("United Kingdom", "London", "GBP", "+44"),
        ["IE"] = ("Ireland", "Dublin", "EUR", "+353"),
        ["FR"] = ("France", "Paris", "EUR", "+33"),
        ["DE"] = ("Germany", "Berlin", "EUR", "+49"),
        ["ES"] = ("Spain", "Madrid", "EUR", "+34"),
        ["IT"] = ("Italy", "Rome", "EUR", "+39"),
        ["NL"] = ("Netherlands", "Amsterdam", "EUR", "+31"),
        ["CH"] = ("Switzerland", "Bern", "CHF", "+41"),
        ["SE"] = ("Sweden", "Stockholm", "SEK", "+46"),
        ["NO"] = ("Norway", "Oslo", "NOK", "+47"),
        ["PL"] = ("Poland", "Warsaw", "PLN", "+48"),
        ["TR"] = ("Turkey", "Ankara", "TRY", "+90"),
        ["EG"] = ("Egypt", "Cairo", "EGP", "+20"),
        ["NG"] = ("Nigeria", "Abuja", "NGN", "+234"),
        ["ZA"] = ("South Africa", "Pretoria", "ZAR", "+27"),
        ["IN"] = ("India", "New Delhi", "INR", "+91"),
        ["CN"] = ("China", "Beijing", "CNY", "+86"),
        ["JP"] = ("Japan", "Tokyo", "JPY", "+81"),
        ["KR"] = ("South Korea", "Seoul", "KRW", "+82"),
        ["AU"] = ("Australia", "Canberra", "AUD", "+61"),
    };

    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var code = input?["code"]?.GetValue<string>().Trim().ToUpperInvariant()
            ?? throw new InvalidToolInputException("'code' is required.");

        var country = Countries[code];
        context.Log.Info($"{code} -> {country.Name}");
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["code"] = code,
            ["found"] = true,
            ["name"] = country.Name,
            ["capital"] = country.Capital,
            ["currency"] = country.Currency,
            ["callingCode"] = country.CallingCode,
        });
    }
}
