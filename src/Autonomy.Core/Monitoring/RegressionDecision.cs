namespace Autonomy.Core.Monitoring;

/// <summary>A regression detector's answer for one health check.</summary>
/// <param name="Verdict">Continue, roll back, or stop monitoring.</param>
/// <param name="Statistic">
/// The statistic the verdict rests on, in the detector's own unit: the drop in percentage points for
/// <see cref="ThresholdRegressionRule"/>, a log-likelihood ratio (nats) for <see cref="SequentialRegressionTest"/>.
/// Zero when the counts were too few to compute it.
/// </param>
/// <param name="Threshold">The value <paramref name="Statistic"/> must reach for the verdict, in the same unit.</param>
/// <param name="Reason">One line for people and the lifecycle log, with the counts and rates behind the verdict.</param>
public sealed record RegressionDecision(RegressionVerdict Verdict, double Statistic, double Threshold, string Reason)
{
    /// <summary>Whether the verdict is a regression (roll back).</summary>
    public bool IsRegression => Verdict == RegressionVerdict.Regression;
}
