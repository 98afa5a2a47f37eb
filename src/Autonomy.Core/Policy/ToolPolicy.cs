using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autonomy.Core.Policy;

/// <summary>
/// The semantic policy check: finds every use, in a tool's source, of an API or construct that a
/// <see cref="PolicyRuleSet"/> forbids. It resolves symbols with the semantic model (never by matching text), so
/// aliases, <c>using static</c>, extension methods, implicit <c>this</c> and target-typed <c>new()</c> are all seen.
/// </summary>
/// <remarks>
/// The check runs on the compilation the compiler reports diagnostics for, so it tolerates compile errors: a name that
/// does not bind is skipped, and a failed overload resolution is judged by its candidates. It is thread-safe.
/// </remarks>
public sealed class ToolPolicy
{
    private static readonly Lazy<ToolPolicy> s_default = new(() => new ToolPolicy(PolicyRuleSet.Default));

    /// <summary>Creates a checker for a rule set.</summary>
    public ToolPolicy(PolicyRuleSet rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
    }

    /// <summary>A checker for <see cref="PolicyRuleSet.Default"/>.</summary>
    public static ToolPolicy Default => s_default.Value;

    /// <summary>The rules this checker applies.</summary>
    public PolicyRuleSet Rules { get; }

    /// <summary>Checks one syntax tree with its semantic model.</summary>
    /// <returns>The violations, one per offending location, sorted by line and column.</returns>
    public IReadOnlyList<PolicyViolation> Check(SemanticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new PolicyChecker(Rules, model).Run();
    }

    /// <summary>Checks every syntax tree of a compilation.</summary>
    /// <returns>The violations of each tree in turn, each tree's sorted by line and column.</returns>
    public IReadOnlyList<PolicyViolation> Check(CSharpCompilation compilation)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        return [.. compilation.SyntaxTrees.SelectMany(tree => Check(compilation.GetSemanticModel(tree)))];
    }
}
