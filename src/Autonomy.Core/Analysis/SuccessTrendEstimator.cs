namespace Autonomy.Core.Analysis;

/// <summary>
/// Fits a weighted least-squares line to daily success rates (weights: each day's attributable executions) and
/// judges its slope against its standard error. The standard error is the larger of the binomial one (what the
/// counts alone allow) and the one from the residuals (days that scatter more than chance would), so a few noisy
/// days do not read as a trend.
/// </summary>
public static class SuccessTrendEstimator
{
    /// <summary>The fewest days with executions for a trend.</summary>
    public const int MinimumDays = 3;

    /// <summary>How many standard errors from zero a slope must be to count.</summary>
    public const double SignificantStandardErrors = 2;

    /// <summary>Estimates the trend of daily success rates.</summary>
    /// <param name="days">Per day: its index (0 for the first day of the window), attributable executions, correct successes.</param>
    public static SuccessTrend Estimate(IReadOnlyList<(double Day, long Attributable, long Successes)> days)
    {
        ArgumentNullException.ThrowIfNull(days);
        var used = days.Where(d => d.Attributable > 0).ToList();
        if (used.Count < MinimumDays)
        {
            return new SuccessTrend(TrendDirection.InsufficientData, null, null, used.Count);
        }

        double weight = 0, sumX = 0, sumY = 0, successes = 0;
        foreach (var (day, n, s) in used)
        {
            weight += n;
            sumX += n * day;
            sumY += s;
            successes += s;
        }

        var meanX = sumX / weight;
        var meanY = sumY / weight;
        double sxx = 0, sxy = 0;
        foreach (var (day, n, s) in used)
        {
            var y = (double)s / n;
            sxx += n * (day - meanX) * (day - meanX);
            sxy += n * (day - meanX) * (y - meanY);
        }

        if (sxx <= 0)
        {
            return new SuccessTrend(TrendDirection.InsufficientData, null, null, used.Count);
        }

        var slope = sxy / sxx;
        var intercept = meanY - (slope * meanX);
        double residual = 0;
        foreach (var (day, n, s) in used)
        {
            var error = ((double)s / n) - (intercept + (slope * day));
            residual += n * error * error;
        }

        // Binomial variance with a half-success added on each side, so that a perfect record still has some.
        var p = (successes + 0.5) / (weight + 1);
        var binomialVariance = p * (1 - p) / sxx;
        var residualVariance = residual / (used.Count - 2) / sxx;
        var standardError = Math.Sqrt(Math.Max(binomialVariance, residualVariance));
        var direction = Math.Abs(slope) <= SignificantStandardErrors * standardError
            ? TrendDirection.Stable
            : slope < 0 ? TrendDirection.Worsening : TrendDirection.Improving;
        return new SuccessTrend(direction, slope, standardError, used.Count);
    }
}
