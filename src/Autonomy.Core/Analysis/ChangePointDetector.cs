namespace Autonomy.Core.Analysis;

/// <summary>
/// Finds the single most likely point where a failure rate rose, in a time series of (executions, failures)
/// buckets: for every split it compares the Bernoulli log-likelihood of two rates against one, and keeps the split
/// with the largest gain whose later rate is higher. Linear in the number of buckets (prefix sums).
/// </summary>
public static class ChangePointDetector
{
    /// <summary>The fewest attributable executions on each side of a split.</summary>
    public const int MinimumPerSide = 5;

    /// <summary>A change point: the index of the first bucket after it, the rates on each side and the statistic.</summary>
    /// <param name="Index">The first bucket at the new rate.</param>
    /// <param name="ExecutionsBefore">Executions before it.</param>
    /// <param name="FailuresBefore">Failures before it.</param>
    /// <param name="ExecutionsAfter">Executions from it on.</param>
    /// <param name="FailuresAfter">Failures from it on.</param>
    /// <param name="LikelihoodRatio">Twice the log-likelihood gain of the split (≈ χ² with 1 degree of freedom for one split).</param>
    public sealed record ChangePoint(int Index, long ExecutionsBefore, long FailuresBefore, long ExecutionsAfter, long FailuresAfter, double LikelihoodRatio)
    {
        /// <summary>The failure rate before.</summary>
        public double RateBefore => ExecutionsBefore == 0 ? 0 : (double)FailuresBefore / ExecutionsBefore;

        /// <summary>The failure rate after.</summary>
        public double RateAfter => ExecutionsAfter == 0 ? 0 : (double)FailuresAfter / ExecutionsAfter;
    }

    /// <summary>The strongest rise of the failure rate, or null when no split reaches <paramref name="threshold"/>.</summary>
    /// <param name="buckets">Per bucket, in time order: attributable executions and failures.</param>
    /// <param name="threshold">The likelihood-ratio statistic a split needs.</param>
    public static ChangePoint? FindRise(IReadOnlyList<(long Executions, long Failures)> buckets, double threshold)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        long totalN = 0, totalF = 0;
        foreach (var (n, f) in buckets)
        {
            totalN += n;
            totalF += f;
        }

        var whole = LogLikelihood(totalF, totalN);
        ChangePoint? best = null;
        long n1 = 0, f1 = 0;
        for (var k = 1; k < buckets.Count; k++)
        {
            n1 += buckets[k - 1].Executions;
            f1 += buckets[k - 1].Failures;
            long n2 = totalN - n1, f2 = totalF - f1;
            if (n1 < MinimumPerSide || n2 < MinimumPerSide || buckets[k].Executions == 0)
            {
                continue;
            }

            // Only rises: the later rate must be the higher one.
            if ((double)f2 / n2 <= (double)f1 / n1)
            {
                continue;
            }

            var ratio = 2 * (LogLikelihood(f1, n1) + LogLikelihood(f2, n2) - whole);
            if (best is null || ratio > best.LikelihoodRatio)
            {
                best = new ChangePoint(k, n1, f1, n2, f2, ratio);
            }
        }

        return best is not null && best.LikelihoodRatio >= threshold ? best : null;
    }

    private static double LogLikelihood(long failures, long executions)
    {
        if (executions == 0 || failures == 0 || failures == executions)
        {
            return 0;
        }

        var p = (double)failures / executions;
        return (failures * Math.Log(p)) + ((executions - failures) * Math.Log(1 - p));
    }
}
