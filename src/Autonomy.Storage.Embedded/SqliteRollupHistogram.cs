using System.Globalization;
using Autonomy.Core.Storage;

namespace Autonomy.Storage.Embedded;

/// <summary>The SQLite text form of a rollup's latency histogram: the bucket counts, comma-separated.</summary>
internal static class SqliteRollupHistogram
{
    public static string Format(IReadOnlyList<int> counts) =>
        string.Join(',', counts.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    public static int[] Parse(string text)
    {
        var counts = new int[ExecutionLatencyHistogram.BucketCount];
        var i = 0;
        foreach (var range in text.AsSpan().Split(','))
        {
            if (i >= counts.Length)
            {
                break;
            }

            counts[i++] = int.Parse(text.AsSpan(range.Start.Value, range.End.Value - range.Start.Value), CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
