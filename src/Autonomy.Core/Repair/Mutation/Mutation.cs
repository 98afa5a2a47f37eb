using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Autonomy.Core.Repair.Mutation;

/// <summary>
/// One edit of the tool's source: the text at <see cref="Span"/> (a whole expression or statement, or an empty span
/// for an insertion) becomes <see cref="Replacement"/>. Applied to the original source it gives a plain candidate;
/// in a mutant schema it is one branch behind a switch on <see cref="Id"/>.
/// </summary>
/// <param name="Id">The mutant id in its schema (1-based; 0 is the original).</param>
/// <param name="Kind">The operator.</param>
/// <param name="Span">The replaced span of the original source.</param>
/// <param name="Replacement">The new text for the span.</param>
/// <param name="Line">The 1-based line of the edit in the original source.</param>
/// <param name="Description">What changed, for the candidate's rationale.</param>
/// <param name="MemberStart">The start of the enclosing member in the original source, to drop a member's mutants together.</param>
/// <param name="Site">The original node the schema switches on: the expression or statement replaced, or the statement an insertion goes before or after.</param>
/// <param name="Form">How the schema places the edit.</param>
/// <param name="SiteType">The type of an expression site, which the schema casts each branch to (see <c>MutationCatalog</c>), or null.</param>
internal sealed record Mutation(int Id, MutationKind Kind, TextSpan Span, string Replacement, int Line, string Description, int MemberStart, SyntaxNode Site, SiteForm Form, string? SiteType = null)
{
    /// <summary>Whether the edit works on statements (deletion, guard, insertion) rather than on one expression.</summary>
    public bool IsStatementLevel => Kind is MutationKind.StatementDeletion or MutationKind.StatementGuard or MutationKind.StatementInsertion;

    /// <summary>The edit's size, as the engine compares patches: operator-sized edits cost 1, structural ones more.</summary>
    public int Size => Kind switch
    {
        MutationKind.StatementDeletion or MutationKind.Clamp or MutationKind.ConditionChange => 2,
        MutationKind.StatementGuard or MutationKind.StatementInsertion => 3,
        _ => 1,
    };

    /// <summary>Whether this edit and <paramref name="other"/> touch disjoint text, so both can apply at once.</summary>
    public bool IsDisjointFrom(Mutation other) =>
        Span.IsEmpty || other.Span.IsEmpty
            ? !(Span.Start > other.Span.Start && Span.Start < other.Span.End) && !(other.Span.Start > Span.Start && other.Span.Start < Span.End) && Span != other.Span
            : !Span.OverlapsWith(other.Span);

    /// <summary>Applies edits with disjoint spans to <paramref name="source"/>.</summary>
    public static string Apply(string source, IEnumerable<Mutation> mutations)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(mutations);
        var text = source;
        foreach (var mutation in mutations.OrderByDescending(m => m.Span.Start).ThenByDescending(m => m.Span.End))
        {
            text = string.Concat(text.AsSpan(0, mutation.Span.Start), mutation.Replacement, text.AsSpan(mutation.Span.End));
        }

        return text;
    }
}
