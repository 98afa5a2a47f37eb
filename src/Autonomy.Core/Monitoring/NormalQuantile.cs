namespace Autonomy.Core.Monitoring;

/// <summary>The standard normal distribution's upper quantiles, for confidence bounds at a configured level.</summary>
internal static class NormalQuantile
{
    private static readonly double[] A = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
    private static readonly double[] B = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
    private static readonly double[] C = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549671348708073e+00, 4.374664141464968e+00, 2.938163982698783e+00];
    private static readonly double[] D = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];

    /// <summary>
    /// The z with P(Z &gt; z) = <paramref name="tail"/>: 2.326 for 0.01, 2.576 for 0.005. A rational approximation
    /// (after Acklam) gives a start within 10⁻⁴, and Newton's method on <see cref="Cdf"/> takes it to double
    /// precision. Computed once per detector, so its cost does not matter.
    /// </summary>
    public static double Upper(double tail)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(tail, 1e-12);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(tail, 1 - 1e-12);
        var p = 1 - tail;
        var z = Start(p);
        for (var i = 0; i < 4; i++)
        {
            z -= (Cdf(z) - p) / Density(z);
        }

        return z;
    }

    /// <summary>Φ(z) from its Taylor series, Φ(z) = ½ + φ(z) Σ z²ᵏ⁺¹ / (1·3·5···(2k + 1)), accurate for |z| ≤ 8.</summary>
    internal static double Cdf(double z)
    {
        z = Math.Clamp(z, -8, 8);
        var term = z;
        var sum = z;
        for (var k = 1; k < 500 && Math.Abs(term) > 1e-17 * Math.Abs(sum); k++)
        {
            term *= z * z / ((2 * k) + 1);
            sum += term;
        }

        return Math.Clamp(0.5 + (Density(z) * sum), 0, 1);
    }

    private static double Density(double z) => Math.Exp(-z * z / 2) / Math.Sqrt(2 * Math.PI);

    private static double Start(double p)
    {
        const double Low = 0.02425;
        if (p < Low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
        }

        if (p > 1 - Low)
        {
            return -Start(1 - p);
        }

        var x = p - 0.5;
        var r = x * x;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * x
            / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }
}
