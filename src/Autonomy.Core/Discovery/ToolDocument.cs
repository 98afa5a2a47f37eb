using System.Text;
using System.Text.Json;
using Autonomy.Abstractions.Tools;

namespace Autonomy.Core.Discovery;

/// <summary>
/// The text that stands for a tool when it is embedded: its name as words, its description, then the names and
/// descriptions of its input and output fields. Name and description come first because the model reads a bounded
/// number of word pieces and drops the rest.
/// </summary>
public static class ToolDocument
{
    /// <summary>The longest document built, in characters; the model would truncate far sooner anyway.</summary>
    public const int MaxLength = 2_000;

    private const int MaxDepth = 4;

    /// <summary>Builds the document of a tool from its metadata.</summary>
    public static string Text(ToolMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return Text(metadata.Name, metadata.Description, metadata.InputSchema, metadata.OutputSchema);
    }

    /// <summary>Builds the document of a tool.</summary>
    /// <param name="name">The tool name; underscores, hyphens and camel case become spaces.</param>
    /// <param name="description">The tool's description.</param>
    /// <param name="inputSchema">The input JSON Schema text, or <see langword="null"/>. Text that is not JSON is ignored.</param>
    /// <param name="outputSchema">The output JSON Schema text, or <see langword="null"/>.</param>
    public static string Text(string name, string description, string? inputSchema, string? outputSchema)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(description);
        var text = new StringBuilder();
        text.Append(Words(name)).Append(". ");
        var trimmed = description.Trim();
        text.Append(trimmed);
        if (trimmed.Length > 0 && !trimmed.EndsWith('.'))
        {
            text.Append('.');
        }

        AppendFields(text, "Input", inputSchema);
        AppendFields(text, "Output", outputSchema);
        return text.Length <= MaxLength ? text.ToString() : text.ToString(0, MaxLength);
    }

    /// <summary>Splits an identifier into lower-case words: <c>unit_convert</c> and <c>unitConvert</c> both give <c>unit convert</c>.</summary>
    public static string Words(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var words = new StringBuilder(identifier.Length + 4);
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            if (c is '_' or '-' or '.' || char.IsWhiteSpace(c))
            {
                AppendSpace(words);
                continue;
            }

            if (char.IsUpper(c) && i > 0 && (char.IsLower(identifier[i - 1]) || (i + 1 < identifier.Length && char.IsLower(identifier[i + 1]) && char.IsUpper(identifier[i - 1]))))
            {
                AppendSpace(words);
            }

            words.Append(char.ToLowerInvariant(c));
        }

        return words.ToString().Trim();
    }

    private static void AppendSpace(StringBuilder words)
    {
        if (words.Length > 0 && words[^1] != ' ')
        {
            words.Append(' ');
        }
    }

    private static void AppendFields(StringBuilder text, string label, string? schema)
    {
        if (string.IsNullOrWhiteSpace(schema))
        {
            return;
        }

        var fields = new List<string>();
        try
        {
            using var document = JsonDocument.Parse(schema);
            CollectFields(document.RootElement, fields, 0);
        }
        catch (JsonException)
        {
            // A schema that is not JSON is the compiler's to report; the document just goes without it.
            return;
        }

        if (fields.Count > 0)
        {
            text.Append(' ').Append(label).Append(": ").AppendJoin("; ", fields).Append('.');
        }
    }

    private static void CollectFields(JsonElement schema, List<string> fields, int depth)
    {
        if (schema.ValueKind != JsonValueKind.Object || depth > MaxDepth)
        {
            return;
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in properties.EnumerateObject())
            {
                var field = Words(property.Name);
                if (property.Value.ValueKind == JsonValueKind.Object
                    && property.Value.TryGetProperty("description", out var description)
                    && description.ValueKind == JsonValueKind.String
                    && description.GetString() is { Length: > 0 } said)
                {
                    field += " (" + said.Trim().TrimEnd('.') + ")";
                }

                fields.Add(field);
                CollectFields(property.Value, fields, depth + 1);
            }
        }

        if (schema.TryGetProperty("items", out var items))
        {
            CollectFields(items, fields, depth + 1);
        }
    }
}
