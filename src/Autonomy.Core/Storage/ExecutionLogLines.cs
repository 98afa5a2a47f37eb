using System.Buffers;
using System.Text.Json;
using Autonomy.Abstractions.Execution;

namespace Autonomy.Core.Storage;

/// <summary>
/// The JSON form of an execution's log lines in <c>tool_executions.log_lines</c>: an array of
/// <c>{"at": ISO-8601, "level": text, "message": text}</c> objects.
/// </summary>
public static class ExecutionLogLines
{
    /// <summary>Serialises the lines, or returns null when there are none.</summary>
    public static string? Serialize(IReadOnlyList<LogLine>? lines)
    {
        if (lines is null || lines.Count == 0)
        {
            return null;
        }

        var buffer = new ArrayBufferWriter<byte>(64 * lines.Count);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            foreach (var line in lines)
            {
                writer.WriteStartObject();
                writer.WriteString("at", line.At);
                writer.WriteString("level", line.Level);
                writer.WriteString("message", line.Message);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads lines written by <see cref="Serialize"/>. A document cut at the cap is no longer JSON and yields no lines; the raw text stays in the row.</summary>
    public static IReadOnlyList<LogLine> Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var lines = new List<LogLine>(document.RootElement.GetArrayLength());
            foreach (var element in document.RootElement.EnumerateArray())
            {
                lines.Add(new LogLine(
                    element.GetProperty("at").GetDateTimeOffset(),
                    element.GetProperty("level").GetString() ?? "",
                    element.GetProperty("message").GetString() ?? ""));
            }

            return lines;
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
