using Autonomy.Abstractions.Grains;

namespace Autonomy.Grains.Loop;

/// <summary>
/// What the loop does with an opportunity the scan found: the extension point where investigation and improvement
/// plug in. Resolved from the silo's services; the coordinator awaits it inside its own turn, one opportunity at a
/// time, so an implementation must return quickly: long work (investigating, generating and verifying candidates)
/// is started elsewhere (another grain, a hosted service) and reported later, never run here. The default,
/// <see cref="InvestigatingOpportunityProcessor"/>, awaits an investigation that runs in the tool's investigation
/// grain, bounded by <see cref="LoopOptions.ProcessorTimeoutSeconds"/> (decision 0008, "Investigation wire-in").
/// </summary>
public interface IOpportunityProcessor
{
    /// <summary>Handles one opportunity.</summary>
    /// <param name="opportunity">The tool and why it was flagged.</param>
    /// <param name="cancellationToken">Cancelled when the coordinator's per-opportunity timeout passes.</param>
    /// <returns>What it did, which the coordinator adds to the loop's statistics.</returns>
    Task<OpportunityOutcome> ProcessAsync(LoopOpportunity opportunity, CancellationToken cancellationToken);
}
