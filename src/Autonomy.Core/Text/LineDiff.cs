using System.Globalization;
using System.Text;
using DiffPlex;

namespace Autonomy.Core.Text;

/// <summary>
/// A unified line diff (as <c>diff -u</c> prints it), computed by DiffPlex (Myers' algorithm) and rendered here with
/// <c>diff -u</c>'s hunk headers and context.
/// </summary>
public static class LineDiff
{
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

    /// <summary>
    /// Each line of the edit script: ' ' kept, '-' removed, '+' added, with 1-based line numbers. The diff itself is
    /// DiffPlex's (Myers' O(ND) algorithm, linear memory), so large files cost no quadratic table.
    /// </summary>
    private static List<Edit> Edits(string[] a, string[] b)
    {
        var result = Differ.Instance.CreateDiffs(string.Join('\n', a), string.Join('\n', b), ignoreWhiteSpace: false, ignoreCase: false, LineChunker.Instance);
        var edits = new List<Edit>(a.Length + b.Length);
        int x = 0, y = 0;
        foreach (var block in result.DiffBlocks)
        {
            while (x < block.DeleteStartA)
            {
                edits.Add(new Edit(' ', a[x], x + 1, y + 1));
                x++;
                y++;
            }

            for (var i = 0; i < block.DeleteCountA; i++, x++)
            {
                edits.Add(new Edit('-', a[x], x + 1, y + 1));
            }

            for (var j = 0; j < block.InsertCountB; j++, y++)
            {
                edits.Add(new Edit('+', b[y], x + 1, y + 1));
            }
        }

        while (x < a.Length)
        {
            edits.Add(new Edit(' ', a[x], x + 1, y + 1));
            x++;
            y++;
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

    /// <summary>Splits on '\n' only: the texts given to DiffPlex are the lines already split and joined.</summary>
    private sealed class LineChunker : IChunker
    {
        public static readonly LineChunker Instance = new();

        public IReadOnlyList<string> Chunk(string str) => str.Length == 0 ? [] : str.Split('\n');
    }
}
