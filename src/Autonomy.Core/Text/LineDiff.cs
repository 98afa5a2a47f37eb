using System.Globalization;
using System.Text;

namespace Autonomy.Core.Text;

/// <summary>
/// A unified line diff (as <c>diff -u</c> prints it) from a longest common subsequence of lines. Tool sources are a
/// few hundred lines, so the quadratic table is small; past <see cref="MaxCells"/> the whole files are shown as
/// replaced rather than spending the memory.
/// </summary>
public static class LineDiff
{
    /// <summary>The largest LCS table (lines × lines) computed.</summary>
    public const long MaxCells = 4_000_000;

    /// <summary>The unified diff of two texts, with <paramref name="context"/> lines around each change; empty when they are equal.</summary>
    public static string Unified(string oldText, string newText, string oldLabel, string newLabel, int context = 3)
    {
        var a = Lines(oldText);
        var b = Lines(newText);
        var edits = Edits(a, b);
        if (edits.All(e => e.Kind == ' '))
        {
            return string.Empty;
        }

        var text = new StringBuilder();
        text.Append("--- ").Append(oldLabel).Append('\n');
        text.Append("+++ ").Append(newLabel).Append('\n');
        foreach (var (start, end) in Hunks(edits, context))
        {
            var slice = edits.GetRange(start, end - start);
            var oldStart = slice[0].OldLine;
            var newStart = slice[0].NewLine;
            var oldCount = slice.Count(e => e.Kind != '+');
            var newCount = slice.Count(e => e.Kind != '-');
            text.Append(CultureInfo.InvariantCulture, $"@@ -{Range(oldStart, oldCount)} +{Range(newStart, newCount)} @@\n");
            foreach (var edit in slice)
            {
                text.Append(edit.Kind).Append(edit.Text).Append('\n');
            }
        }

        return text.ToString();
    }

    private static string Range(int start, int count) => count switch
    {
        0 => string.Create(CultureInfo.InvariantCulture, $"{start - 1},0"),
        1 => start.ToString(CultureInfo.InvariantCulture),
        _ => string.Create(CultureInfo.InvariantCulture, $"{start},{count}"),
    };

    private static string[] Lines(string text)
    {
        if (text.Length == 0)
        {
            return [];
        }

        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        return text.EndsWith('\n') ? lines[..^1] : lines;
    }

    /// <summary>Each line of the edit script: ' ' kept, '-' removed, '+' added, with 1-based line numbers.</summary>
    private static List<Edit> Edits(string[] a, string[] b)
    {
        var edits = new List<Edit>();
        if ((long)a.Length * b.Length > MaxCells)
        {
            edits.AddRange(a.Select((line, i) => new Edit('-', line, i + 1, 1)));
            edits.AddRange(b.Select((line, j) => new Edit('+', line, a.Length + 1, j + 1)));
            return edits;
        }

        // lcs[i, j]: the longest common subsequence of a[i..] and b[j..].
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                lcs[i, j] = string.Equals(a[i], b[j], StringComparison.Ordinal) ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && string.Equals(a[x], b[y], StringComparison.Ordinal))
            {
                edits.Add(new Edit(' ', a[x], x + 1, y + 1));
                x++;
                y++;
            }
            else if (y < b.Length && (x == a.Length || lcs[x, y + 1] > lcs[x + 1, y]))
            {
                edits.Add(new Edit('+', b[y], x + 1, y + 1));
                y++;
            }
            else
            {
                edits.Add(new Edit('-', a[x], x + 1, y + 1));
                x++;
            }
        }

        return edits;
    }

    /// <summary>The ranges of the edit script to print: each change with its context, overlapping ranges merged.</summary>
    private static List<(int Start, int End)> Hunks(List<Edit> edits, int context)
    {
        var hunks = new List<(int Start, int End)>();
        for (var i = 0; i < edits.Count; i++)
        {
            if (edits[i].Kind == ' ')
            {
                continue;
            }

            var start = Math.Max(0, i - context);
            var end = Math.Min(edits.Count, i + 1 + context);
            if (hunks.Count > 0 && start <= hunks[^1].End)
            {
                hunks[^1] = (hunks[^1].Start, Math.Max(hunks[^1].End, end));
            }
            else
            {
                hunks.Add((start, end));
            }
        }

        return hunks;
    }

    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);
}
