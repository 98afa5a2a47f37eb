using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Autonomy.Tools;

namespace Autonomy.Samples.Tools;

[Tool("json_extract", "Picks a value out of a JSON document by a dotted path such as 'order.items[0].sku' and reports whether it was found.")]
[ToolInputSchema("""
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "type": "object",
  "properties": {
    "document": { "description": "The JSON document, either as a JSON value or as a string holding JSON text." },
    "path": { "type": "string", "minLength": 1, "description": "Dotted path; array elements as [n] or .n" }
  },
  "required": ["document", "path"],
  "additionalProperties": false
}
""")]
[ToolExample("""{"document": {"order": {"id": 42, "items": [{"sku": "A-1", "qty": 2}, {"sku": "B-7", "qty": 1}]}}, "path": "order.items[1].sku"}""",
    """{"found": true, "path": "order.items[1].sku", "value": "B-7", "type": "String"}""")]
[ToolExample("""{"document": "{\"user\": {\"tags\": [\"a\", \"b\"]}}", "path": "user.tags"}""",
    """{"found": true, "path": "user.tags", "value": ["a", "b"], "type": "Array"}""")]
[ToolExample("""{"document": {"user": {"name": "Ada"}}, "path": "user.email"}""",
    """{"found": false, "path": "user.email", "value": null, "type": null}""")]
public sealed class JsonExtractTool : ITool
{
    private static readonly Regex PathShape = new(@"^(?:[^.\[\]]+|\[\d+\])(?:\.[^.\[\]]+|\[\d+\])*$", RegexOptions.CultureInvariant);
    private static readonly Regex Segment = new(@"[^.\[\]]+|\[(\d+)\]", RegexOptions.CultureInvariant);

    public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
    {
        var path = input?["path"]?.GetValue<string>() ?? throw new InvalidToolInputException("'path' is required.");
        if (!PathShape.IsMatch(path))
            throw new InvalidToolInputException($"'{path}' is not a valid path: use names separated by dots, and [n] for array elements.");

        var document = input?["document"];
        if (document is JsonValue text && text.GetValueKind() == JsonValueKind.String)
        {
            try { document = JsonNode.Parse(text.GetValue<string>()); }
            catch (JsonException ex) { throw new InvalidToolInputException($"'document' is a string but not JSON: {ex.Message}"); }
        }

        var current = document;
        var found = true;
        foreach (Match m in Segment.Matches(path))
        {
            var key = m.Groups[1].Success ? m.Groups[1].Value : m.Value;
            if (current is JsonObject obj && obj.TryGetPropertyValue(key, out var child))
                current = child;
            else if (current is JsonArray arr && int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < arr.Count)
                current = arr[i];
            else
            {
                found = false;
                current = null;
                break;
            }
        }

        context.Log.Info($"Path '{path}': {(found ? "found" : "not found")}.");
        return Task.FromResult<JsonNode?>(new JsonObject
        {
            ["found"] = found,
            ["path"] = path,
            ["value"] = found ? current?.DeepClone() : null,
            ["type"] = found ? (current?.GetValueKind() ?? JsonValueKind.Null).ToString() : null,
        });
    }
}
