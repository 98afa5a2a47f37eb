using Autonomy.Core.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Autonomy.Core.Repair.Templates;

/// <summary>
/// <see cref="OverflowException"/>: a 32-bit parse or conversion becomes 64-bit, integer arithmetic is done in
/// <c>long</c> (the local it lands in widened with it), or an out-of-range number answers a clear
/// <c>InvalidToolInputException</c>.
/// </summary>
internal sealed class OverflowTemplate : IFixTemplate
{
    private static readonly Dictionary<string, string> Wider = new(StringComparer.Ordinal)
    {
        ["ToInt32"] = "ToInt64", ["ToInt16"] = "ToInt32", ["ToByte"] = "ToInt32",
    };

    /// <inheritdoc />
    public string Key => FixTemplates.Overflow;

    /// <inheritdoc />
    public IEnumerable<TemplateEdit> Propose(ToolDocument document, FixSite site)
    {
        var expressions = document.ExpressionsOnLine(site.Line);
        foreach (var call in expressions.OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax member || document.Model.GetSymbolInfo(call).Symbol is not IMethodSymbol method)
            {
                continue;
            }

            if (method.Name == "Parse" && method.ContainingType.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int16 or SpecialType.System_Byte)
            {
                var widened = WithDeclaration(document, call, [(member.Expression.Span, "long")]);
                yield return new TemplateEdit(widened, $"overflow at line {site.Line}: parse as long", 2);
                if (call.ArgumentList.Arguments.Count == 1 && SyntaxFacts.IsPure(call.ArgumentList.Arguments[0].Expression))
                {
                    var text = call.ArgumentList.Arguments[0].Expression;
                    var value = document.FreshName("parsed");
                    var refusal = $"{member.Expression}.TryParse({text}, out var {value}) ? {value} : throw new {document.InvalidInput}($\"'{{{text}}}' is not a number in range.\")";
                    yield return new TemplateEdit(document.Replace(call, ToolDocument.InContext(call, refusal)), $"overflow at line {site.Line}: refuse a number out of range", 12);
                }
            }
            else if (Wider.TryGetValue(method.Name, out var wider) && method.ContainingType.Name == "Convert")
            {
                yield return new TemplateEdit(WithDeclaration(document, call, [(member.Name.Span, wider)]), $"overflow at line {site.Line}: `{method.Name}` → `{wider}`", 2);
            }
        }

        foreach (var arithmetic in expressions.OfType<BinaryExpressionSyntax>()
            .Where(b => b.Kind() is SyntaxKind.MultiplyExpression or SyntaxKind.AddExpression or SyntaxKind.SubtractExpression))
        {
            if (document.Model.GetTypeInfo(arithmetic).Type?.SpecialType != SpecialType.System_Int32 || arithmetic.Ancestors().OfType<BinaryExpressionSyntax>().Any(b => b.Span.Start >= document.Text.Lines[site.Line - 1].Start && expressions.Contains(b)))
            {
                continue;
            }

            var left = arithmetic.Left is IdentifierNameSyntax or LiteralExpressionSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax ? arithmetic.Left.ToString() : "(" + arithmetic.Left + ")";
            var widened = WithDeclaration(document, arithmetic, [(arithmetic.Left.Span, "(long)" + left)]);
            yield return new TemplateEdit(widened, $"overflow at line {site.Line}: compute `{Short(arithmetic)}` in long", 4);
        }
    }

    /// <summary>Applies the edits, and widens an explicit <c>int</c> local the expression initialises to <c>long</c>.</summary>
    private static string WithDeclaration(ToolDocument document, ExpressionSyntax expression, List<(TextSpan Span, string Text)> edits)
    {
        if (expression.Ancestors().OfType<VariableDeclarationSyntax>().FirstOrDefault() is { Type: PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.IntKeyword } type })
        {
            edits.Add((type.Span, "long"));
        }

        return document.Apply([.. edits]);
    }

    private static string Short(SyntaxNode node)
    {
        var text = node.ToString();
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
