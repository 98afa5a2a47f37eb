namespace Autonomy.Core.Repair;

/// <summary>
/// Proposes candidate sources for a repair problem. The engine compiles, policy-checks and evaluates every
/// candidate it yields against the problem's cases (and the held-back validation cases), so a generator may
/// yield freely; one that evaluates internally (mutation search with schemata) yields only what passed its own
/// checks. Generators stop when the token is cancelled (the attempt's time budget).
/// </summary>
public interface IRepairGenerator
{
    /// <summary>The generator's name, recorded with each candidate.</summary>
    string Name { get; }

    /// <summary>Candidates, best first.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="context">Services the generator may use: the evaluator, the budget, progress.</param>
    /// <param name="cancellationToken">Cancelled when the attempt's budget runs out.</param>
    IAsyncEnumerable<RepairCandidate> GenerateAsync(RepairProblem problem, RepairContext context, CancellationToken cancellationToken);
}
