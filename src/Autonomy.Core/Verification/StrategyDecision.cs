namespace Autonomy.Core.Verification;

/// <summary>Whether one testing strategy applies to a tool, and why.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Applies">Whether it applies.</param>
/// <param name="Reason">Why, with the numbers.</param>
public sealed record StrategyDecision(TestingStrategy Strategy, bool Applies, string Reason);
