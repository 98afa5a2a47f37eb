using System;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Samples.Tools;

[Tool("parse_date", "Normalises a date written in a common format (ISO, slashes, dots, English month names, or today/yesterday/tomorrow) to an ISO 8601 date.")]
[ToolInputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "date": { "type": "string", "minLength": 1, "description": "e.g. 2024-03-05, 03/05/2024, 05.03.2024, March 5, 2024, 5 Mar 2024, today" }
  },
  "required": ["date"],
  "additionalProperties": false
}
""")]
[ToolOutputSchema("""
{
  "type": "object",
  "properties": {
    "iso": { "type": "string", "format": "date" },
    "year": { "type": "integer" }, "month": { "type": "integer" }, "day": { "type": "integer" },
    "dayOfWeek": { "type": "string" }, "dayOfYear": { "type": "integer" }
  },
  "required": ["iso", "year", "month", "day", "dayOfWeek", "dayOfYear"]
}
""")]
[ToolExample("""{"date": "03/05/2024"}""", """{"iso": "2024-03-05", "year": 2024, "month": 3, "day": 5, "dayOfWeek": "Tuesday", "dayOfYear": 65}""")]
[ToolExample("""{"date": "March 5, 2024"}""", """{"iso": "2024-03-05", "year": 2024, "month": 3, "day": 5, "dayOfWeek": "Tuesday", "dayOfYear": 65}""")]
[ToolExample("""{"date": "2023-12-31T23:15:00+02:00"}""", """{"iso": "2023-12-31", "year": 2023, "month": 12, "day": 31, "dayOfWeek": "Sunday", "dayOfYear": 365}""")]
[ToolExample("""{"date": "24.12.2024"}""", """{"iso": "2024-12-24", "year": 2024, "month": 12, "day": 24, "dayOfWeek": "Tuesday", "dayOfYear": 359}""")]
public sealed class ParseDateTool : ITool
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy/MM/dd", "yyyyMMdd", "d.M.yyyy", "MMMM d, yyyy", "MMM d, yyyy", "d MMMM yyyy", "d MMM yyyy",
    ];

    private static readonly Regex SlashDate = new(@"^\d{1,2}/\d{1,2}/\d{4}$", RegexOptions.CultureInvariant);

    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var text = input?["date"]?.GetValue<string>().Trim() ?? throw new InvalidToolInputException("'date' is required.");
        var today = context.Now.UtcDateTime.Date;

        DateTime date;
        if (text.Equals("today", StringComparison.OrdinalIgnoreCase))
            date = today;
        else if (text.Equals("yesterday", StringComparison.OrdinalIgnoreCase))
            date = today.AddDays(-1);
        else if (text.Equals("tomorrow", StringComparison.OrdinalIgnoreCase))
            date = today.AddDays(1);
        else if (SlashDate.IsMatch(text))
            date = DateTime.ParseExact(text, "M/d/yyyy", CultureInfo.InvariantCulture);
        else if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var exact))
            date = exact;
        else if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var stamp))
            date = stamp.DateTime;
        else
            throw new InvalidToolInputException($"'{text}' is not a date format this tool understands.");

        context.Log.Info($"'{text}' -> {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["iso"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["year"] = date.Year,
            ["month"] = date.Month,
            ["day"] = date.Day,
            ["dayOfWeek"] = date.DayOfWeek.ToString(),
            ["dayOfYear"] = date.DayOfYear,
        });
    }
}
