using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Repair.Mutation;

/// <summary>
/// The conditions a mutation may add to a condition or put around a statement: the tool's own atomic conditions
/// (nearest first) and null or emptiness checks of the variables the site reads. The compiler drops those that
/// are out of scope at the site.
/// </summary>
internal sealed class ConditionPool
{
    /// <summary>Most conditions offered at one site.</summary>
    public const int MaxPerSite = 8;

    private readonly SemanticModel _model;
    private readonly List<ExpressionSyntax> _atoms;

    public ConditionPool(SemanticModel model)
    {
        _model = model;
        _atoms = model.SyntaxTree.GetRoot().DescendantNodes().OfType<ExpressionSyntax>()
            .Where(IsConditionPosition)
            .Where(e => e is not BinaryExpressionSyntax { RawKind: (int)SyntaxKind.LogicalAndExpression or (int)SyntaxKind.LogicalOrExpression }
                and not ParenthesizedExpressionSyntax)
            .Where(e => !e.DescendantNodesAndSelf().Any(n => n is DeclarationPatternSyntax or VarPatternSyntax or DeclarationExpressionSyntax
                or AssignmentExpressionSyntax or PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression }
                or LambdaExpressionSyntax or AwaitExpressionSyntax or SingleVariableDesignationSyntax))
            .Where(e => e.ToString().Length <= 80)
            .ToList();
    }

    /// <summary>Whether an expression is used as a condition: of an if, a loop, a ternary, or an operand of <c>&amp;&amp;</c>/<c>||</c>.</summary>
    public static bool IsConditionPosition(ExpressionSyntax expression) => expression.Parent switch
    {
        IfStatementSyntax s => s.Condition == expression,
        WhileStatementSyntax s => s.Condition == expression,
        DoStatementSyntax s => s.Condition == expression,
        ForStatementSyntax s => s.Condition == expression,
        ConditionalExpressionSyntax c => c.Condition == expression,
        BinaryExpressionSyntax b => b.IsKind(SyntaxKind.LogicalAndExpression) || b.IsKind(SyntaxKind.LogicalOrExpression),
        _ => false,
    };

    /// <summary>Conditions to offer at <paramref name="site"/>, which reads the variables it contains.</summary>
    public IReadOnlyList<string> For(SyntaxNode site, MutationCatalog catalog)
    {
        var point = site.FirstAncestorOrSelf<StatementSyntax>(s => s is not BlockSyntax);
        var own = site.ToString();
        var result = new List<string>();
        foreach (var identifier in site.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>())
        {
            var symbol = _model.GetSymbolInfo(identifier).Symbol;
            var type = symbol switch
            {
                ILocalSymbol l => l.Type,
                IParameterSymbol p => p.Type,
                _ => null,
            };
            if (type is null || !(type.IsReferenceType || type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T))
            {
                continue;
            }

            var name = identifier.Identifier.ValueText;
            result.Add(name + " != null");
            if (type.SpecialType == SpecialType.System_String || type is IArrayTypeSymbol)
            {
                result.Add(name + ".Length > 0");
            }
        }

        result.AddRange(_atoms
            .OrderBy(a => Math.Abs(a.SpanStart - site.SpanStart))
            .Where(a => a.ToString() != own && !own.Contains(a.ToString(), StringComparison.Ordinal))
            .Where(a => point is null || catalog.ReadsOnlyAssigned(a, point))
            .Select(a => a.ToString())
            .Distinct(StringComparer.Ordinal)
            .Take(MaxPerSite * 2));
        return result.Distinct(StringComparer.Ordinal).Take(MaxPerSite).ToList();
    }
}
