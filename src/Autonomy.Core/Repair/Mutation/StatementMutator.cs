using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Repair.Mutation;

/// <summary>
/// The statement operators: deletion, a guard taken from the tool's conditions, and insertion of a statement copied
/// from elsewhere in the tool (the "missing line" defects). Declarations are never deleted or guarded: the names they
/// declare are used further on.
/// </summary>
internal sealed class StatementMutator(MutationCatalog catalog, ConditionPool conditions)
{
    /// <summary>Most statements copied to one insertion point.</summary>
    public const int MaxCopiesPerPoint = 24;

    public void Run(IReadOnlySet<int> lines, IReadOnlySet<int> structuralLines)
    {
        var statements = catalog.Root.DescendantNodes().OfType<StatementSyntax>().ToList();
        var copies = statements
            .Where(s => s is ExpressionStatementSyntax or ReturnStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax)
            .Where(s => !s.DescendantNodes().Any(n => n is LambdaExpressionSyntax or DeclarationExpressionSyntax) && s.ToString().Length <= 120)
            .GroupBy(s => s.ToString(), StringComparer.Ordinal)
            .Select(g => g.First())
            .ToList();

        foreach (var statement in statements)
        {
            var line = catalog.LineOf(statement.SpanStart);
            if (!lines.Contains(line))
            {
                continue;
            }

            if (IsDeletable(statement))
            {
                catalog.Replace(MutationKind.StatementDeletion, statement, "{ }", $"`{Shorten(statement)}` deleted");
            }

            if (!structuralLines.Contains(line))
            {
                continue;
            }

            if (statement is ExpressionStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax && IsDeletable(statement))
            {
                var embedded = statement.Parent is not (BlockSyntax or SwitchSectionSyntax);
                foreach (var condition in conditions.For(statement, catalog))
                {
                    foreach (var guard in new[] { condition, "!(" + condition + ")" })
                    {
                        var text = $"if ({guard}) {statement}";
                        catalog.Replace(MutationKind.StatementGuard, statement, embedded ? "{ " + text + " }" : text, $"`{Shorten(statement)}` guarded by `{guard}`");
                    }
                }
            }

            if (statement.Parent is BlockSyntax block && statement is not LocalFunctionStatementSyntax)
            {
                var last = block.Statements.Last() == statement && statement is not (ReturnStatementSyntax or ThrowStatementSyntax or BreakStatementSyntax or ContinueStatementSyntax);
                foreach (var copy in copies.OrderBy(c => Math.Abs(c.SpanStart - statement.SpanStart)).Take(MaxCopiesPerPoint))
                {
                    var text = copy.ToString();
                    if (catalog.ReadsOnlyAssigned(copy, statement))
                    {
                        catalog.Insert(statement, after: false, text, $"`{Shorten(copy)}` inserted before line {line}");
                    }

                    if (last && catalog.ReadsOnlyAssigned(copy, statement, after: true))
                    {
                        catalog.Insert(statement, after: true, text, $"`{Shorten(copy)}` inserted after line {line}");
                    }
                }
            }
        }
    }

    private static bool IsDeletable(StatementSyntax statement) => statement switch
    {
        ExpressionStatementSyntax => true,
        IfStatementSyntax => true,

        // A break that ends a switch section cannot go: the section would fall through.
        BreakStatementSyntax or ContinueStatementSyntax => statement.Ancestors().FirstOrDefault(a => a is SwitchSectionSyntax or ForStatementSyntax
            or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax) is not SwitchSectionSyntax,
        _ => false,
    };

    private static string Shorten(SyntaxNode node)
    {
        var text = string.Join(' ', node.ToString().Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
        return text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
    }
}
