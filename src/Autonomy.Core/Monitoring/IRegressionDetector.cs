namespace Autonomy.Core.Monitoring;

/// <summary>
/// Decides, at each health check of a monitoring session, whether a newly deployed version regressed against the
/// version it replaced. Implementations are stateless and thread-safe: the decision depends only on the cumulative
/// counts, so a grain can call <see cref="Evaluate"/> as often as it likes (every check, after a restart, on
/// another silo) and get the same answer for the same counts.
/// </summary>
public interface IRegressionDetector
{
    /// <summary>The method's configuration name (<c>sequential</c> or <c>threshold</c>).</summary>
    string Name { get; }

    /// <summary>Decides on the cumulative counts of the session so far.</summary>
    /// <param name="evidence">The baseline's counts and the new version's counts since it went live.</param>
    RegressionDecision Evaluate(RegressionEvidence evidence);
}
