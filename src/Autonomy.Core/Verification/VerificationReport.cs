namespace Autonomy.Core.Verification;

/// <summary>What verification concluded about a candidate.</summary>
public enum VerificationVerdict
{
    /// <summary>Every applicable strategy passed: the candidate may be deployed.</summary>
    Passed,

    /// <summary>An applicable strategy failed: the candidate must not be deployed.</summary>
    Failed,

    /// <summary>No strategy applied, so there is no evidence either way: a person decides.</summary>
    NeedsApproval,
}

/// <summary>The verification of one candidate: which strategies applied and why, and how each judged it.</summary>
/// <param name="Verdict">The conclusion.</param>
/// <param name="Plan">Every strategy with whether it applied and why.</param>
/// <param name="Results">The applicable strategies' results, in the order they ran.</param>
/// <param name="Summary">One line for people.</param>
public sealed record VerificationReport(
    VerificationVerdict Verdict,
    IReadOnlyList<StrategyDecision> Plan,
    IReadOnlyList<StrategyResult> Results,
    string Summary)
{
    /// <summary>The report as a JSON-friendly object for an attempt's details.</summary>
    public object ToDetails() => new
    {
        verdict = Verdict.ToString(),
        summary = Summary,
        plan = Plan.Select(p => new { strategy = p.Strategy.ToString().ToLowerInvariant(), applies = p.Applies, reason = p.Reason }),
        results = Results.Select(r => new
        {
            strategy = r.Strategy.ToString().ToLowerInvariant(),
            passed = r.Passed,
            cases = r.Cases,
            passedCases = r.PassedCases,
            summary = r.Summary,
            storedId = r.StoredId,
            details = r.Details,
        }),
    };
}
