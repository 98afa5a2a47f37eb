namespace Autonomy.Core.Repair.Mutation;

/// <summary>
/// Spectrum-based fault localisation with the Ochiai coefficient (Abreu, Zoeteweij and van Gemund, 2007):
/// suspiciousness(s) = failed(s) / sqrt(totalFailed × (failed(s) + passed(s))), where failed(s) and passed(s)
/// count the failing and passing runs that executed line s. Ochiai ranks the faulty statement higher than Tarantula
/// or Jaccard on the Siemens set and on Defects4J, with no tuning.
/// </summary>
public static class FaultLocalizer
{
    /// <summary>Ranks the lines executed in <paramref name="runs"/>, most suspicious first (ties in source order).</summary>
    /// <param name="runs">Each run: whether it failed, and the lines it executed.</param>
    public static IReadOnlyList<LineSuspiciousness> Rank(IReadOnlyList<(bool Failed, IReadOnlySet<int> Lines)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var totalFailed = runs.Count(r => r.Failed);
        var counts = new Dictionary<int, (int Failed, int Passed)>();
        foreach (var (failed, lines) in runs)
        {
            foreach (var line in lines)
            {
                var (f, p) = counts.GetValueOrDefault(line);
                counts[line] = failed ? (f + 1, p) : (f, p + 1);
            }
        }

        return counts
            .Select(c => new LineSuspiciousness(c.Key, Ochiai(c.Value.Failed, c.Value.Passed, totalFailed), c.Value.Failed, c.Value.Passed))
            .OrderByDescending(l => l.Score)
            .ThenBy(l => l.Line)
            .ToList();
    }

    /// <summary>The Ochiai coefficient of a line run by <paramref name="failed"/> failing and <paramref name="passed"/> passing runs.</summary>
    public static double Ochiai(int failed, int passed, int totalFailed) =>
        failed == 0 || totalFailed == 0 ? 0 : failed / Math.Sqrt((double)totalFailed * (failed + passed));
}
