namespace Autonomy.Core.Verification;

/// <summary>How one testing strategy judged a candidate.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Passed">Whether the candidate passed it.</param>
/// <param name="Cases">Cases judged.</param>
/// <param name="PassedCases">Cases passed (agreements for shadow).</param>
/// <param name="Summary">One line with the numbers, for people.</param>
/// <param name="StoredId">The row in <c>replay_test_results</c> or <c>shadow_test_results</c>, if it was stored there.</param>
/// <param name="Details">Failures and samples, for the attempt's details.</param>
public sealed record StrategyResult(
    TestingStrategy Strategy,
    bool Passed,
    int Cases,
    int PassedCases,
    string Summary,
    long? StoredId,
    object Details);
