using Autonomy.RepairBenchmark.Running;

namespace Autonomy.RepairBenchmark.Reporting;

/// <summary>The totals over a set of defects.</summary>
/// <param name="Defects">Defects run.</param>
/// <param name="Plausible">Defects with an accepted patch that passes the given cases.</param>
/// <param name="Correct">Defects whose accepted patch also behaves as the reference on the hidden inputs.</param>
/// <param name="PatchesWithRegressions">Accepted patches that break a recorded output the defective tool got right (the target is 0).</param>
/// <param name="PatchesBreakingHidden">Accepted patches that break a hidden input's output the defective tool got right (overfitting that does harm).</param>
/// <param name="MedianSecondsToFirstPlausible">Median time to the first plausible candidate, over the defects that had one, or null.</param>
/// <param name="CandidatesTried">Candidates evaluated, all defects.</param>
/// <param name="RepairSeconds">Time spent repairing, all defects.</param>
public sealed record BenchmarkTotals(
    int Defects,
    int Plausible,
    int Correct,
    int PatchesWithRegressions,
    int PatchesBreakingHidden,
    double? MedianSecondsToFirstPlausible,
    long CandidatesTried,
    double RepairSeconds)
{
    /// <summary>Plausible share in percent.</summary>
    public double PlausiblePercent => Percent(Plausible);

    /// <summary>Correct share in percent.</summary>
    public double CorrectPercent => Percent(Correct);

    /// <summary>Candidates evaluated per second of repair.</summary>
    public double CandidatesPerSecond => RepairSeconds > 0 ? CandidatesTried / RepairSeconds : 0;

    /// <summary>Sums up <paramref name="outcomes"/>.</summary>
    public static BenchmarkTotals Of(IReadOnlyList<DefectOutcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var firsts = outcomes.Where(o => o.TimeToFirstPlausible is not null).Select(o => o.TimeToFirstPlausible!.Value.TotalSeconds).Order().ToList();
        double? median = firsts.Count == 0 ? null
            : firsts.Count % 2 == 1 ? firsts[firsts.Count / 2]
            : (firsts[(firsts.Count / 2) - 1] + firsts[firsts.Count / 2]) / 2;
        return new BenchmarkTotals(
            outcomes.Count,
            outcomes.Count(o => o.Plausible),
            outcomes.Count(o => o.Correct),
            outcomes.Count(o => o.Regressions > 0),
            outcomes.Count(o => o.HiddenRegressions > 0),
            median,
            outcomes.Sum(o => (long)o.CandidatesTried),
            outcomes.Sum(o => o.Elapsed.TotalSeconds));
    }

    private double Percent(int count) => Defects == 0 ? 0 : 100.0 * count / Defects;
}
