namespace Autonomy.Core.Analysis;

/// <summary>How an onset was found.</summary>
public enum OnsetMethod
{
    /// <summary>A change point in the hourly failure rate (a Bernoulli likelihood-ratio test over every split).</summary>
    ChangePoint,

    /// <summary>No change point: the version failed from its first hour in the window, so the onset is when it went live.</summary>
    SinceVersionStart,
}

/// <summary>
/// The point where the failure rate changed for the worse, found as the most likely single change point in the
/// hourly rollups, or, when the investigated version failed from the start, the time it went live; and the deploy
/// it coincides with.
/// </summary>
/// <param name="Method">How the onset was found.</param>
/// <param name="At">The start of the first hour at the new rate.</param>
/// <param name="FailureRateBefore">The failure rate before.</param>
/// <param name="FailureRateAfter">The failure rate from <paramref name="At"/> on.</param>
/// <param name="ExecutionsBefore">Attributable executions before.</param>
/// <param name="ExecutionsAfter">Attributable executions after.</param>
/// <param name="LikelihoodRatio">The test statistic (twice the log-likelihood gain of the split), 0 for <see cref="OnsetMethod.SinceVersionStart"/>.</param>
/// <param name="Version">The version whose deploy coincides with the onset, or null.</param>
/// <param name="DeployedAt">When that version went live (its deploy event, else its first execution), or null.</param>
/// <param name="Description">The finding in words ("regression introduced by version 4 …").</param>
public sealed record FailureOnset(
    OnsetMethod Method,
    DateTimeOffset At,
    double FailureRateBefore,
    double FailureRateAfter,
    long ExecutionsBefore,
    long ExecutionsAfter,
    double LikelihoodRatio,
    int? Version,
    DateTimeOffset? DeployedAt,
    string Description);
