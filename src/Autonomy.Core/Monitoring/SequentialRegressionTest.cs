using Autonomy.Core.Analysis;
using static Autonomy.Core.Monitoring.MonitoringText;

namespace Autonomy.Core.Monitoring;

/// <summary>
/// A one-sided sequential probability ratio test (Wald's SPRT with Ville's bound) of the new version's successes
/// against a conservative estimate of the baseline's success rate. It stays valid however often it is evaluated on
/// the cumulative counts, so a health check every five minutes, or after every execution, does not inflate the
/// false-rollback rate the way a fixed-sample rule checked over and over does.
/// </summary>
/// <remarks>
/// <para>With the baseline at s_b successes of n_b judged executions, the new version at s successes and f failures
/// (n = s + f), false-rollback rate α and minimum detectable drop δ:</para>
/// <list type="number">
/// <item><description>Baseline bound: p₀ = the Wilson lower bound of s_b / n_b at one-sided level 1 − α/2 (z = 2.576
/// at α = 0.01). The true baseline rate is below p₀ with probability about α/2.</description></item>
/// <item><description>Alternative: p₁ = p₀ − δ.</description></item>
/// <item><description>Statistic: Λ = s · ln(p₁/p₀) + f · ln((1 − p₁)/(1 − p₀)), the log-likelihood ratio of
/// "the new version succeeds at p₁" against "at p₀". It depends only on the counts, so the test is
/// stateless.</description></item>
/// <item><description>Regression when n ≥ the minimum executions, Λ ≥ ln(2/α), and the drop is supported: the Newcombe
/// (Wilson-based) lower bound of p̂_b − p̂ at one-sided level 1 − α is above zero.</description></item>
/// </list>
/// <para>Why it bounds false rollbacks: for any true rate p ≥ p₀, E[exp(one execution's term)] = p·p₁/p₀ +
/// (1 − p)(1 − p₁)/(1 − p₀) ≤ 1, so exp(Λ) is a non-negative supermartingale that starts at 1, and by Ville's
/// inequality it ever reaches 2/α with probability at most α/2, whatever the number and timing of the looks. A new
/// version at least as good as its baseline is therefore rolled back with probability at most α/2 (the test) + α/2
/// (the baseline bound being too high) = α over the whole session. The minimum-executions and supported-drop
/// conditions only remove rollbacks, so they cannot break the bound.</para>
/// <para>Optional early acceptance (<see cref="AcceptHealthy"/>), the mirror test: p₀′ = the baseline's Wilson upper
/// bound at one-sided level 1 − β/2, p₁′ = p₀′ − δ, and Λ′ = s · ln(p₀′/p₁′) + f · ln((1 − p₀′)/(1 − p₁′)) ≥
/// ln(2/β) answers <see cref="RegressionVerdict.Healthy"/>. By the same argument a version at least δ below its
/// true baseline rate is accepted with probability at most β. Off by default: the session then runs its whole
/// window.</para>
/// <para>docs/decisions/0013-sequential-monitoring.md has the reasoning and the measured rates.</para>
/// </remarks>
public sealed class SequentialRegressionTest : IRegressionDetector
{
    /// <summary>The method's configuration name.</summary>
    public const string MethodName = "sequential";

    // Probabilities are kept strictly inside (0, 1) so a baseline with no failures (Wilson upper bound 1) gives a
    // large finite penalty for a failure instead of an infinity.
    private const double Epsilon = 1e-12;

    private readonly double _baselineZ;
    private readonly double _supportZ;
    private readonly double _healthyZ;

    /// <summary>Creates the test.</summary>
    /// <param name="minimumExecutions">The fewest judged executions on each side before the test judges.</param>
    /// <param name="minimumDetectableDropPoints">δ, in absolute percentage points below the baseline's lower bound.</param>
    /// <param name="falseRollbackRate">α, the most likely a rollback of a version no worse than its baseline is.</param>
    /// <param name="acceptHealthy">Whether to answer <see cref="RegressionVerdict.Healthy"/> once the data rule out a drop of δ.</param>
    /// <param name="missedRegressionRate">β, the most likely a version that dropped by δ is accepted as healthy.</param>
    public SequentialRegressionTest(
        int minimumExecutions = MonitoringOptions.DefaultMinimumExecutions,
        double minimumDetectableDropPoints = MonitoringOptions.DefaultMinimumDetectableDropPoints,
        double falseRollbackRate = MonitoringOptions.DefaultFalseRollbackRate,
        bool acceptHealthy = false,
        double missedRegressionRate = MonitoringOptions.DefaultMissedRegressionRate)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimumExecutions, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(minimumDetectableDropPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(minimumDetectableDropPoints, 100);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(falseRollbackRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(falseRollbackRate, 0.5);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(missedRegressionRate);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(missedRegressionRate, 0.5);
        MinimumExecutions = minimumExecutions;
        MinimumDetectableDrop = minimumDetectableDropPoints / 100;
        FalseRollbackRate = falseRollbackRate;
        AcceptHealthy = acceptHealthy;
        MissedRegressionRate = missedRegressionRate;
        Threshold = Math.Log(2 / falseRollbackRate);
        HealthyThreshold = Math.Log(2 / missedRegressionRate);
        _baselineZ = NormalQuantile.Upper(falseRollbackRate / 2);
        _supportZ = NormalQuantile.Upper(falseRollbackRate);
        _healthyZ = NormalQuantile.Upper(missedRegressionRate / 2);
    }

    /// <inheritdoc />
    public string Name => MethodName;

    /// <summary>The fewest judged executions on each side before the test judges.</summary>
    public int MinimumExecutions { get; }

    /// <summary>δ as a rate: 0.10 for 10 points.</summary>
    public double MinimumDetectableDrop { get; }

    /// <summary>α: the bound on the probability of rolling back a version no worse than its baseline.</summary>
    public double FalseRollbackRate { get; }

    /// <summary>Whether the test answers <see cref="RegressionVerdict.Healthy"/>.</summary>
    public bool AcceptHealthy { get; }

    /// <summary>β: the bound on the probability of accepting a version that dropped by δ.</summary>
    public double MissedRegressionRate { get; }

    /// <summary>ln(2/α), the log-likelihood ratio a regression needs (5.30 at α = 0.01).</summary>
    public double Threshold { get; }

    /// <summary>ln(2/β), the log-likelihood ratio early acceptance needs (5.30 at β = 0.01).</summary>
    public double HealthyThreshold { get; }

    /// <inheritdoc />
    public RegressionDecision Evaluate(RegressionEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        evidence.ThrowIfInvalid();
        if (evidence.BaselineJudged < MinimumExecutions)
        {
            return Continue(0, Invariant(
                $"baseline too small: {Version(evidence.BaselineVersion, "the baseline")} has {evidence.BaselineJudged} judged executions, {MinimumExecutions} needed"));
        }

        if (evidence.CurrentJudged < MinimumExecutions)
        {
            return Continue(0, Invariant(
                $"{Version(evidence.CurrentVersion, "the new version")} has {evidence.CurrentJudged} of the {MinimumExecutions} judged executions needed"));
        }

        var successes = evidence.CurrentSuccesses;
        var failures = evidence.CurrentJudged - successes;
        var baseline = RateInterval.Wilson(evidence.BaselineSuccesses, evidence.BaselineJudged, _baselineZ);
        var p0 = baseline.Low;
        var p1 = p0 - MinimumDetectableDrop;
        if (p1 <= 0)
        {
            return Continue(0, Invariant(
                $"{Comparison(evidence)}; the baseline's lower bound {Percent(p0)} leaves no room for a drop of {Points(MinimumDetectableDrop)} points"));
        }

        var ratio = LogLikelihoodRatio(successes, failures, p1, p0);
        if (ratio >= Threshold)
        {
            var supportedDrop = SupportedDrop(evidence);
            if (supportedDrop > 0)
            {
                return new RegressionDecision(RegressionVerdict.Regression, ratio, Threshold, Invariant(
                    $"{Comparison(evidence)}; log-likelihood ratio {ratio:0.00} ≥ {Threshold:0.00} for a drop of {Points(MinimumDetectableDrop)} points below the baseline's lower bound {Percent(p0)}; the data support a drop of at least {Points(supportedDrop)} points ({Percent(1 - FalseRollbackRate, "0.##")} bound)"));
            }

            return Continue(ratio, Invariant(
                $"{Comparison(evidence)}; log-likelihood ratio {ratio:0.00} ≥ {Threshold:0.00}, but the drop's lower bound {Points(supportedDrop)} points does not support a regression"));
        }

        if (AcceptHealthy && AcceptsHealthy(evidence, successes, failures) is { } accepted)
        {
            return accepted;
        }

        return Continue(ratio, Invariant(
            $"{Comparison(evidence)}; log-likelihood ratio {ratio:0.00} < {Threshold:0.00} for a drop of {Points(MinimumDetectableDrop)} points below the baseline's lower bound {Percent(p0)}"));
    }

    /// <summary>The mirror test: the data rule out a drop of δ below the baseline's upper bound.</summary>
    private RegressionDecision? AcceptsHealthy(RegressionEvidence evidence, long successes, long failures)
    {
        var q0 = Math.Min(1 - Epsilon, RateInterval.Wilson(evidence.BaselineSuccesses, evidence.BaselineJudged, _healthyZ).High);
        var q1 = q0 - MinimumDetectableDrop;
        if (q1 <= 0)
        {
            return null;
        }

        var healthy = LogLikelihoodRatio(successes, failures, q0, q1);
        return healthy < HealthyThreshold ? null : new RegressionDecision(RegressionVerdict.Healthy, healthy, HealthyThreshold, Invariant(
            $"{Comparison(evidence)}; no regression: log-likelihood ratio {healthy:0.00} ≥ {HealthyThreshold:0.00} against a drop of {Points(MinimumDetectableDrop)} points below the baseline's upper bound {Percent(q0)}"));
    }

    /// <summary>
    /// Newcombe's hybrid score lower bound of baseline rate minus current rate (method 10, 1998), at one-sided
    /// level 1 − α: positive when the data support a drop at all.
    /// </summary>
    internal double SupportedDrop(RegressionEvidence evidence)
    {
        var baseline = RateInterval.Wilson(evidence.BaselineSuccesses, evidence.BaselineJudged, _supportZ);
        var current = RateInterval.Wilson(evidence.CurrentSuccesses, evidence.CurrentJudged, _supportZ);
        var baselineRate = baseline.Rate ?? 0;
        var currentRate = current.Rate ?? 0;
        var margin = Math.Sqrt(Square(baselineRate - baseline.Low) + Square(current.High - currentRate));
        return baselineRate - currentRate - margin;
    }

    /// <summary>
    /// The log-likelihood ratio of <paramref name="successes"/> and <paramref name="failures"/> under success rate
    /// <paramref name="numerator"/> against <paramref name="denominator"/>; a zero count contributes nothing, even
    /// against a rate of 0 or 1.
    /// </summary>
    internal static double LogLikelihoodRatio(long successes, long failures, double numerator, double denominator)
    {
        numerator = Math.Clamp(numerator, Epsilon, 1 - Epsilon);
        denominator = Math.Clamp(denominator, Epsilon, 1 - Epsilon);
        var ratio = 0.0;
        if (successes > 0)
        {
            ratio += successes * Math.Log(numerator / denominator);
        }

        if (failures > 0)
        {
            ratio += failures * Math.Log((1 - numerator) / (1 - denominator));
        }

        return ratio;
    }

    private static double Square(double x) => x * x;

    private static string Points(double rate) => Invariant($"{100 * rate:0.0}");

    private RegressionDecision Continue(double statistic, string reason) => new(RegressionVerdict.Continue, statistic, Threshold, reason);
}
