namespace Autonomy.Core.Analysis;

/// <summary>A proportion with its 95 % Wilson score interval.</summary>
/// <param name="Successes">The successes counted.</param>
/// <param name="Trials">The trials counted.</param>
/// <param name="Rate">Successes over trials, or null with no trials.</param>
/// <param name="Low">The lower bound of the interval (0 with no trials).</param>
/// <param name="High">The upper bound of the interval (1 with no trials).</param>
public sealed record RateInterval(long Successes, long Trials, double? Rate, double Low, double High)
{
    /// <summary>The z value of a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    /// <summary>
    /// The Wilson score interval of <paramref name="successes"/> out of <paramref name="trials"/>. Unlike the normal
    /// approximation it stays inside [0, 1] and is honest for small counts and rates near 0 or 1, which is where a
    /// tool's success rate usually sits.
    /// </summary>
    public static RateInterval Wilson(long successes, long trials, double z = Z95)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfLessThan(trials, successes);
        if (trials == 0)
        {
            return new RateInterval(0, 0, null, 0, 1);
        }

        var n = (double)trials;
        var p = successes / n;
        var z2 = z * z;
        var centre = (p + (z2 / (2 * n))) / (1 + (z2 / n));
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / (1 + (z2 / n));
        return new RateInterval(successes, trials, p, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }
}
