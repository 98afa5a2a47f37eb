using System.Text.Json;
using Json.Schema;

namespace Autonomy.Core.Compilation;

/// <summary>A tool's declared JSON Schema, built once when the tool is compiled.</summary>
public sealed class ToolSchema
{
    private static readonly EvaluationOptions s_evaluation = new() { OutputFormat = OutputFormat.List };
    private readonly JsonSchema _schema;

    private ToolSchema(string text, JsonSchema schema)
    {
        Text = text;
        _schema = schema;
    }

    /// <summary>The schema's JSON text as declared.</summary>
    public string Text { get; }

    /// <summary>Builds a schema from its text, or says why it is not a usable schema.</summary>
    public static bool TryCreate(string text, out ToolSchema? schema, out string? error)
    {
        try
        {
            schema = new ToolSchema(text, JsonSchema.FromText(text));
            error = null;
            return true;
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or NotSupportedException)
        {
            schema = null;
            error = ex.Message;
            return false;
        }
    }

    /// <summary>Checks a JSON value against the schema; returns the problems, empty when it conforms.</summary>
    public IReadOnlyList<string> Validate(JsonElement instance)
    {
        var results = _schema.Evaluate(instance, s_evaluation);
        if (results.IsValid)
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var detail in results.Details ?? [])
        {
            if (detail.IsValid || detail.Errors is null)
            {
                continue;
            }

            foreach (var error in detail.Errors)
            {
                var location = detail.InstanceLocation.ToString();
                problems.Add($"{(location.Length == 0 ? "/" : location)}: {error.Value}");
            }
        }

        if (problems.Count == 0)
        {
            problems.Add("the value does not match the schema");
        }

        return problems;
    }
}
