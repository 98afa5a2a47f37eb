namespace Autonomy.Core.Analysis;

/// <summary>How the improvement engine should try to repair the tool.</summary>
public enum RepairStrategyKind
{
    /// <summary>Do not repair.</summary>
    None,

    /// <summary>Apply a fix template at the throw site.</summary>
    FixTemplate,

    /// <summary>Search mutations at the suspicious lines (wrong outputs, or failures no template explains).</summary>
    MutationSearch,
}

/// <summary>The suggested repair strategy, for the improvement engine.</summary>
/// <param name="Kind">The strategy.</param>
/// <param name="Template">The fix template's key (see <see cref="FixTemplates"/>), or null.</param>
/// <param name="SuspiciousLines">The lines to change first, most suspicious first.</param>
/// <param name="Rationale">Why, in words.</param>
public sealed record RepairSuggestion(RepairStrategyKind Kind, string? Template, IReadOnlyList<int> SuspiciousLines, string Rationale)
{
    /// <summary>No repair.</summary>
    public static RepairSuggestion NoRepair(string rationale) => new(RepairStrategyKind.None, null, [], rationale);
}
