namespace Autonomy.Core.Analysis;

/// <summary>Failures among a group of sampled executions.</summary>
/// <param name="Executions">Attributable executions in the group.</param>
/// <param name="Failures">Of which failed.</param>
public sealed record FeatureCounts(int Executions, int Failures)
{
    /// <summary>Failures over executions, 0 for an empty group.</summary>
    public double FailureRate => Executions == 0 ? 0 : (double)Failures / Executions;
}
