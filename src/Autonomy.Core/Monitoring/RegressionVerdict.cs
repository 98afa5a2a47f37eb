namespace Autonomy.Core.Monitoring;

/// <summary>What a regression detector concluded from the counts it was given.</summary>
public enum RegressionVerdict
{
    /// <summary>Not enough evidence either way: keep monitoring.</summary>
    Continue,

    /// <summary>The new version is worse than the baseline: roll it back.</summary>
    Regression,

    /// <summary>
    /// The test has accepted "no regression": monitoring may stop early. Only detectors configured to accept it
    /// return it; the others keep answering <see cref="Continue"/> until the monitoring window ends.
    /// </summary>
    Healthy,
}
