using System.Text.RegularExpressions;

namespace Autonomy.Core.Repair.Llm;

/// <summary>
/// Takes the tool source out of a model's reply: the longest fenced block tagged C# (<c>```csharp</c>, <c>```cs</c>,
/// <c>```c#</c>), else the longest untagged fenced block that looks like a tool source, else the whole reply when
/// it looks like one. A block whose closing fence is missing (a reply cut off at the output limit) is not taken.
/// </summary>
public static partial class LlmReplyParser
{
    /// <summary>The source in <paramref name="reply"/>, or null when it holds none.</summary>
    public static string? ExtractSource(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return null;
        }

        var text = reply.Replace("\r\n", "\n", StringComparison.Ordinal);
        var blocks = Fence().Matches(text)
            .Select(m => (Language: m.Groups["lang"].Value.Trim().ToUpperInvariant(), Code: m.Groups["code"].Value))
            .ToList();
        var tagged = blocks
            .Where(b => b.Language is "CSHARP" or "CS" or "C#")
            .Select(b => b.Code)
            .OrderByDescending(code => code.Length)
            .FirstOrDefault();
        if (tagged is not null)
        {
            return Normalize(tagged);
        }

        var untagged = blocks
            .Where(b => b.Language.Length == 0 && LooksLikeToolSource(b.Code))
            .Select(b => b.Code)
            .OrderByDescending(code => code.Length)
            .FirstOrDefault();
        if (untagged is not null)
        {
            return Normalize(untagged);
        }

        return !text.Contains("```", StringComparison.Ordinal) && LooksLikeToolSource(text) ? Normalize(text) : null;
    }

    /// <summary>The reply with its code blocks removed: the model's explanation, or empty.</summary>
    public static string Explanation(string? reply)
    {
        if (string.IsNullOrWhiteSpace(reply))
        {
            return string.Empty;
        }

        var text = Fence().Replace(reply.Replace("\r\n", "\n", StringComparison.Ordinal), " ");
        var open = text.IndexOf("```", StringComparison.Ordinal);
        if (open >= 0)
        {
            text = text[..open];
        }

        return WhiteSpace().Replace(text, " ").Trim();
    }

    /// <summary>Whether <paramref name="text"/> reads as a whole C# file declaring a tool, not prose or a fragment.</summary>
    public static bool LooksLikeToolSource(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var start = text.TrimStart();
        var opensLikeAFile = start.StartsWith("using ", StringComparison.Ordinal)
            || start.StartsWith("namespace ", StringComparison.Ordinal)
            || start.StartsWith("//", StringComparison.Ordinal)
            || start.StartsWith("#", StringComparison.Ordinal)
            || start.StartsWith('[')
            || start.StartsWith("public ", StringComparison.Ordinal)
            || start.StartsWith("internal ", StringComparison.Ordinal)
            || start.StartsWith("sealed ", StringComparison.Ordinal);
        return opensLikeAFile
            && text.Contains("class ", StringComparison.Ordinal)
            && text.Contains("ExecuteAsync", StringComparison.Ordinal);
    }

    private static string Normalize(string code) => code.Trim('\n') + "\n";

    [GeneratedRegex(@"```[ \t]*(?<lang>[A-Za-z#+]*)[^\n]*\n(?<code>.*?)\n?[ \t]*```", RegexOptions.Singleline | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1_000)]
    private static partial Regex Fence();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1_000)]
    private static partial Regex WhiteSpace();
}
