using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Autonomy.Core.Storage;

/// <summary>Cuts documents to a UTF-8 byte cap on a character boundary, never throwing.</summary>
public static class ExecutionDocumentCap
{
    /// <summary>Caps the documents, message and log of a record; returns it unchanged when nothing is too long.</summary>
    public static ExecutionRecord Apply(ExecutionRecord record, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(record);
        var input = Cap(record.Input, maxBytes, out var inputCut);
        var output = Cap(record.Output, maxBytes, out var outputCut);
        var message = Cap(record.Message, maxBytes, out var messageCut);
        var log = Cap(record.LogLines, maxBytes, out var logCut);
        if (!inputCut && !outputCut && !messageCut && !logCut)
        {
            return record;
        }

        return record with
        {
            Input = input,
            Output = output,
            InputTruncated = record.InputTruncated || inputCut,
            OutputTruncated = record.OutputTruncated || outputCut,
            Message = message,
            LogLines = log,
        };
    }

    /// <summary>The longest prefix of <paramref name="text"/> that fits in <paramref name="maxBytes"/> UTF-8 bytes.</summary>
    public static string? Cap(string? text, int maxBytes, out bool truncated)
    {
        truncated = false;
        if (text is null || text.Length <= maxBytes / 3)
        {
            // Every UTF-16 unit is at most 3 UTF-8 bytes: no need to count.
            return text;
        }

        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        truncated = true;
        var buffer = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            // Stops before a character that does not fit, and never splits a surrogate pair.
            Utf8.FromUtf16(text, buffer.AsSpan(0, maxBytes), out var charsRead, out _, replaceInvalidSequences: true, isFinalBlock: true);
            return text[..charsRead];
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
