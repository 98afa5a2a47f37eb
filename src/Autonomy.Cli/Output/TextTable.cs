namespace Autonomy.Cli.Output;

/// <summary>A table for people: a header and rows, columns padded to their widest cell, two spaces apart.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];

    public int Count => _rows.Count;

    public TextTable Add(params string?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"A row needs {headers.Length} cells, not {cells.Length}.", nameof(cells));
        }

        _rows.Add([.. cells.Select(c => c ?? "-")]);
        return this;
    }

    public void Write(TextWriter output)
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        WriteRow(output, headers, widths);
        foreach (var row in _rows)
        {
            WriteRow(output, row, widths);
        }
    }

    private static void WriteRow(TextWriter output, string[] cells, int[] widths)
    {
        var padded = cells.Select((c, i) => i == cells.Length - 1 ? c : c.PadRight(widths[i]));
        output.WriteLine(string.Join("  ", padded).TrimEnd());
    }
}
