namespace Autonomy.Grains.Loop;

/// <summary>What an <see cref="IOpportunityProcessor"/> did with one opportunity.</summary>
/// <param name="Attempted">Whether it attempted an improvement.</param>
/// <param name="Deployed">Whether an improvement was deployed.</param>
/// <param name="Failed">Whether an attempted improvement failed.</param>
/// <param name="Note">What it did, in words, or null.</param>
/// <param name="ShouldImprove">Whether the investigation says to improve the tool; the coordinator schedules it.</param>
public sealed record OpportunityOutcome(bool Attempted, bool Deployed, bool Failed, string? Note, bool ShouldImprove = false)
{
    /// <summary>Nothing was attempted.</summary>
    public static OpportunityOutcome NothingAttempted { get; } = new(false, false, false, null);
}
