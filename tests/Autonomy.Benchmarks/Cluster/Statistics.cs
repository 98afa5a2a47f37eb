namespace Autonomy.Benchmarks.Cluster;

internal static class Statistics
{
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>Per-round ratios <paramref name="numerator"/>[i] / <paramref name="denominator"/>[i] of throughput.</summary>
    public static double[] Ratios(ContenderResults numerator, ContenderResults denominator) =>
        [.. numerator.Rounds.Zip(denominator.Rounds, (n, d) => n.Throughput / d.Throughput)];
}
