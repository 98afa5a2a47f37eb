namespace Autonomy.Core.Policy;

/// <summary>What a <see cref="PolicyRuleSet"/> decides about a name.</summary>
/// <param name="IsAllowed">Whether the name may be used.</param>
/// <param name="Rule">The rule whose entry decided, or <see langword="null"/> when no entry matched (allowed).</param>
/// <param name="Entry">The deciding entry, such as <c>System.IO</c>, or <see langword="null"/> when none matched.</param>
public sealed record PolicyDecision(bool IsAllowed, PolicyRule? Rule, string? Entry)
{
    /// <summary>The decision for a name that no entry matches: allowed.</summary>
    public static PolicyDecision Unmatched { get; } = new(true, null, null);
}
