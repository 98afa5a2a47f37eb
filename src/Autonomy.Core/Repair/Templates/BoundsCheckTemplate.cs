using System.Globalization;
using Autonomy.Core.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Repair.Templates;

/// <summary>
/// <see cref="ArgumentOutOfRangeException"/> and <see cref="IndexOutOfRangeException"/>: for the comparisons in the
/// conditions that guard the throwing call (the left side of its <c>&amp;&amp;</c>, the enclosing <c>if</c>,
/// <c>while</c> or <c>for</c>), tighten the operator (<c>&lt;=</c> → <c>&lt;</c>, <c>&gt;=</c> → <c>&gt;</c>) or move
/// the bound by one; else add a guard (<c>i + n &lt;= s.Length</c>, <c>i &lt; a.Length</c>) before the call, or clamp a
/// <c>Substring</c> length with <c>Math.Min</c>.
/// </summary>
internal sealed class BoundsCheckTemplate : IFixTemplate
{
    private static readonly HashSet<string> RangeMethods = new(StringComparer.Ordinal)
    {
        "Substring", "ElementAt", "Remove", "Insert", "RemoveAt", "GetRange", "Slice",
    };

    /// <inheritdoc />
    public string Key => FixTemplates.BoundsCheck;

    /// <inheritdoc />
    public IEnumerable<TemplateEdit> Propose(ToolDocument document, FixSite site)
    {
        var sites = document.ExpressionsOnLine(site.Line)
            .Where(e => e is InvocationExpressionSyntax invocation && RangeMethods.Contains(SyntaxFacts.MethodName(invocation))
                || e is ElementAccessExpressionSyntax element && !IsDictionary(document, element))
            .ToList();
        var proposed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in sites)
        {
            foreach (var comparison in GuardingComparisons(node))
            {
                foreach (var edit in Tighten(document, site, comparison))
                {
                    if (proposed.Add(edit.Source))
                    {
                        yield return edit;
                    }
                }
            }
        }

        foreach (var node in sites)
        {
            if (Guard(document, node) is { } guard && Conjunct(node) is { } conjunct)
            {
                yield return new TemplateEdit(document.Replace(conjunct, $"{guard} && {conjunct}"), $"bounds-check at line {site.Line}: guard `{guard}` before `{Short(node)}`", 6);
            }

            if (node is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call && SyntaxFacts.MethodName(call) == "Substring"
                && call.ArgumentList.Arguments.Count == 2 && SyntaxFacts.IsPure(member.Expression) && SyntaxFacts.IsPure(call.ArgumentList.Arguments[0].Expression))
            {
                var (start, length) = (call.ArgumentList.Arguments[0].Expression, call.ArgumentList.Arguments[1].Expression);
                var math = document.TypeName("System", "Math");
                var clamped = $"{math}.Min({length}, {member.Expression}.Length - {Operand(start)})";
                yield return new TemplateEdit(document.Replace(length, clamped), $"bounds-check at line {site.Line}: clamp the length of `{Short(call)}` to the string's end", 8);
            }
        }
    }

    private static IEnumerable<TemplateEdit> Tighten(ToolDocument document, FixSite site, BinaryExpressionSyntax comparison)
    {
        var tighter = comparison.Kind() switch
        {
            SyntaxKind.LessThanOrEqualExpression => "<",
            SyntaxKind.GreaterThanOrEqualExpression => ">",
            _ => null,
        };
        if (tighter is not null)
        {
            yield return new TemplateEdit(
                document.Apply((comparison.OperatorToken.Span, tighter)),
                $"bounds-check at line {document.LineOf(comparison)}: `{comparison.OperatorToken.Text}` → `{tighter}` in `{comparison}` guarding line {site.Line}",
                1);
        }

        // The bound is the side that measures a collection, else the right side; an upper bound moves down by one.
        var leftIsBound = Measures(comparison.Left) && !Measures(comparison.Right);
        var bound = leftIsBound ? comparison.Left : comparison.Right;
        var upper = leftIsBound
            ? comparison.Kind() is SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression
            : comparison.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression;
        var moved = Shift(bound, upper ? -1 : 1);
        yield return new TemplateEdit(
            document.Replace(bound, moved.Text),
            $"bounds-check at line {document.LineOf(comparison)}: bound `{bound}` → `{moved.Text}` in `{comparison}` guarding line {site.Line}",
            moved.Size);
    }

    private static (string Text, int Size) Shift(ExpressionSyntax bound, int delta)
    {
        if (bound is BinaryExpressionSyntax { Right: LiteralExpressionSyntax { Token.Value: int constant } } arithmetic
            && arithmetic.Kind() is SyntaxKind.SubtractExpression or SyntaxKind.AddExpression)
        {
            var signed = (arithmetic.IsKind(SyntaxKind.SubtractExpression) ? -constant : constant) + delta;
            var text = signed == 0 ? arithmetic.Left.ToString()
                : string.Create(CultureInfo.InvariantCulture, $"{arithmetic.Left} {(signed < 0 ? "-" : "+")} {Math.Abs(signed)}");
            return (text, 1);
        }

        return (string.Create(CultureInfo.InvariantCulture, $"{Operand(bound)} {(delta < 0 ? "-" : "+")} {Math.Abs(delta)}"), 2);
    }

    private static bool Measures(ExpressionSyntax expression) =>
        expression.DescendantNodesAndSelf().OfType<MemberAccessExpressionSyntax>().Any(m => m.Name.Identifier.ValueText is "Length" or "Count")
        || expression.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>().Any(i => SyntaxFacts.MethodName(i) == "Count");

    /// <summary>The comparisons that guard a node, nearest first: the left side of an enclosing <c>&amp;&amp;</c>, then enclosing conditions.</summary>
    private static IEnumerable<BinaryExpressionSyntax> GuardingComparisons(SyntaxNode node)
    {
        SyntaxNode child = node;
        foreach (var ancestor in node.Ancestors())
        {
            var condition = ancestor switch
            {
                BinaryExpressionSyntax conjunction when conjunction.IsKind(SyntaxKind.LogicalAndExpression) && conjunction.Right == child => conjunction.Left,
                IfStatementSyntax statement when statement.Condition != child => statement.Condition,
                WhileStatementSyntax loop when loop.Condition != child => loop.Condition,
                DoStatementSyntax loop when loop.Condition != child => loop.Condition,
                ForStatementSyntax loop when loop.Condition != child => loop.Condition,
                ConditionalExpressionSyntax conditional when conditional.Condition != child => conditional.Condition,
                MemberDeclarationSyntax or LocalFunctionStatementSyntax or LambdaExpressionSyntax => null,
                _ => null,
            };
            if (ancestor is MemberDeclarationSyntax or LocalFunctionStatementSyntax or LambdaExpressionSyntax)
            {
                yield break;
            }

            if (condition is not null)
            {
                foreach (var comparison in condition.DescendantNodesAndSelf().OfType<BinaryExpressionSyntax>().Where(IsRelational))
                {
                    yield return comparison;
                }
            }

            child = ancestor;
        }
    }

    private static bool IsRelational(BinaryExpressionSyntax binary) => binary.Kind() is SyntaxKind.LessThanExpression or SyntaxKind.LessThanOrEqualExpression
        or SyntaxKind.GreaterThanExpression or SyntaxKind.GreaterThanOrEqualExpression;

    /// <summary>The guard that makes a call or an index safe, or null.</summary>
    private static string? Guard(ToolDocument document, ExpressionSyntax node)
    {
        switch (node)
        {
            case InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax member } call when SyntaxFacts.MethodName(call) == "Substring" && SyntaxFacts.IsPure(member.Expression):
                var arguments = call.ArgumentList.Arguments;
                return arguments.Count == 2
                    ? $"{Operand(arguments[0].Expression)} + {Operand(arguments[1].Expression)} <= {member.Expression}.Length"
                    : $"{Operand(arguments[0].Expression)} <= {member.Expression}.Length";
            case ElementAccessExpressionSyntax { ArgumentList.Arguments.Count: 1 } element when SyntaxFacts.IsPure(element.Expression):
                var size = document.Model.GetTypeInfo(element.Expression).Type is { } type && type.GetMembers("Length").Any() ? "Length" : "Count";
                return $"{Operand(element.ArgumentList.Arguments[0].Expression)} < {element.Expression}.{size}";
            default:
                return null;
        }
    }

    /// <summary>The operand of the innermost <c>&amp;&amp;</c> or condition that contains a node, to put a guard in front of.</summary>
    private static ExpressionSyntax? Conjunct(SyntaxNode node)
    {
        SyntaxNode child = node;
        foreach (var ancestor in node.Ancestors())
        {
            switch (ancestor)
            {
                case BinaryExpressionSyntax conjunction when conjunction.IsKind(SyntaxKind.LogicalAndExpression) || conjunction.IsKind(SyntaxKind.LogicalOrExpression):
                    return (ExpressionSyntax)child;
                case IfStatementSyntax or WhileStatementSyntax or ConditionalExpressionSyntax when child is ExpressionSyntax expression && child is not StatementSyntax:
                    return expression;
                case StatementSyntax or MemberDeclarationSyntax or LambdaExpressionSyntax:
                    return null;
                default:
                    child = ancestor;
                    break;
            }
        }

        return null;
    }

    private static bool IsDictionary(ToolDocument document, ElementAccessExpressionSyntax element) =>
        document.Model.GetTypeInfo(element.Expression).Type is { } type && type.AllInterfaces.Any(i => i.Name is "IDictionary" or "IReadOnlyDictionary");

    private static string Operand(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax
            ? expression.ToString()
            : "(" + expression + ")";

    private static string Short(SyntaxNode node)
    {
        var text = node.ToString();
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
