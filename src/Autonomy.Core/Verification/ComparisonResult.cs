namespace Autonomy.Core.Verification;

/// <summary>What <see cref="OutputComparer"/> found.</summary>
/// <param name="Equal">Whether the outputs are the same under the options used.</param>
/// <param name="Differences">The first differences in document order, at most <see cref="ComparisonOptions.MaxDifferences"/>; empty when equal.</param>
/// <param name="Truncated">Whether there are more differences than <paramref name="Differences"/> holds.</param>
/// <param name="Strategy">The strategy actually applied: <see cref="ComparisonStrategy.Exact"/> when an output was absent or not JSON.</param>
public sealed record ComparisonResult(bool Equal, IReadOnlyList<OutputDifference> Differences, bool Truncated, ComparisonStrategy Strategy);
