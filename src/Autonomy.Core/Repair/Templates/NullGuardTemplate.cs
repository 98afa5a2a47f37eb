using System.Text;
using Autonomy.Core.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Autonomy.Core.Repair.Templates;

/// <summary>
/// <see cref="NullReferenceException"/> and <see cref="ArgumentNullException"/>: a null-forgiving chain
/// (<c>x!["f"]!.GetValue&lt;T&gt;()</c>) or a plain dereference becomes null-conditional, with a fallback for the
/// null case: the input schema's <c>"default"</c> for that field when declared, a clear
/// <c>InvalidToolInputException</c> naming the field, or the type's default. A null argument gets the same fallbacks.
/// </summary>
internal sealed class NullGuardTemplate : IFixTemplate
{
    /// <inheritdoc />
    public string Key => FixTemplates.NullGuard;

    /// <inheritdoc />
    public IEnumerable<TemplateEdit> Propose(ToolDocument document, FixSite site)
    {
        var expressions = document.ExpressionsOnLine(site.Line);
        var tops = new HashSet<TextSpan>();
        foreach (var bang in expressions.OfType<PostfixUnaryExpressionSyntax>().Where(p => p.IsKind(SyntaxKind.SuppressNullableWarningExpression)))
        {
            var top = SyntaxFacts.ChainTop(bang);
            var dereferenced = top.DescendantNodesAndSelf().OfType<PostfixUnaryExpressionSyntax>()
                .Where(p => p.IsKind(SyntaxKind.SuppressNullableWarningExpression)
                    && p.Parent is MemberAccessExpressionSyntax { Expression: var m } && m == p
                    || p.Parent is ElementAccessExpressionSyntax { Expression: var e } && e == p)
                .ToList();
            if (dereferenced.Count == 0 || !tops.Add(top.Span))
            {
                continue;
            }

            var rewritten = Rewrite(top, dereferenced.Select(p => (p.OperatorToken.Span, "?")));
            foreach (var edit in Fallbacks(document, site, top, rewritten, dereferenced.Count, "`!` → `?.`"))
            {
                yield return edit;
            }
        }

        foreach (var access in expressions.Where(e => e is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax))
        {
            var (receiver, at) = access switch
            {
                MemberAccessExpressionSyntax member => (member.Expression, member.OperatorToken.SpanStart),
                ElementAccessExpressionSyntax element => (element.Expression, element.ArgumentList.SpanStart),
                _ => throw new InvalidOperationException(),
            };
            if (!MayBeNull(document, receiver))
            {
                continue;
            }

            var top = SyntaxFacts.ChainTop(access);
            if (!tops.Add(new TextSpan(at, 0)))
            {
                continue;
            }

            var rewritten = Rewrite(top, [(new TextSpan(at, 0), "?")]);
            foreach (var edit in Fallbacks(document, site, top, rewritten, 1, $"`{Short(receiver)}` may be null"))
            {
                yield return edit;
            }
        }

        foreach (var argument in expressions.OfType<InvocationExpressionSyntax>().SelectMany(i => i.ArgumentList.Arguments))
        {
            if (document.Model.GetTypeInfo(argument.Expression).Nullability.FlowState != NullableFlowState.MaybeNull
                || argument.Expression is LiteralExpressionSyntax)
            {
                continue;
            }

            var text = argument.Expression is BinaryExpressionSyntax or ConditionalExpressionSyntax ? "(" + argument.Expression + ")" : argument.Expression.ToString();
            foreach (var edit in Fallbacks(document, site, argument.Expression, text, 0, $"argument `{Short(argument.Expression)}` may be null"))
            {
                yield return edit;
            }
        }
    }

    private static IEnumerable<TemplateEdit> Fallbacks(ToolDocument document, FixSite site, ExpressionSyntax original, string guarded, int size, string what)
    {
        var type = document.Model.GetTypeInfo(original).Type;
        var path = SyntaxFacts.FieldPath(original);
        var field = path.Count > 0 ? path[^1] : SyntaxFacts.Describe(original);
        var line = site.Line;

        if (type is not null && SyntaxFacts.DefaultLiteral(document.InputProperty(path)?["default"], type) is { } documented)
        {
            yield return Edit($"{guarded} ?? {documented}", size + 2, $"null-guard at line {line}: {what}, default {documented} from the input schema for '{field}'");
        }

        yield return Edit($"{guarded} ?? throw new {document.InvalidInput}({ToolDocument.Literal($"'{field}' is required.")})", size + 6,
            $"null-guard at line {line}: {what}, refuse input without '{field}'");

        if (type is null)
        {
            yield break;
        }

        if (SyntaxFacts.IsPlainValueType(type))
        {
            yield return Edit($"{guarded} ?? default", size + 5, $"null-guard at line {line}: {what}, default({type.ToDisplayString()}) when absent");
        }
        else if (type.SpecialType == SpecialType.System_String)
        {
            yield return Edit($"{guarded} ?? string.Empty", size + 4, $"null-guard at line {line}: {what}, empty string when absent");
        }
        else if (original.Parent is ExpressionStatementSyntax)
        {
            yield return Edit(guarded, size, $"null-guard at line {line}: {what}, skip the call when null");
        }

        TemplateEdit Edit(string replacement, int editSize, string rationale) =>
            new(document.Replace(original, ToolDocument.InContext(original, replacement)), rationale, editSize);
    }

    private static bool MayBeNull(ToolDocument document, ExpressionSyntax receiver)
    {
        if (receiver is ThisExpressionSyntax or BaseExpressionSyntax or LiteralExpressionSyntax or PredefinedTypeSyntax
            or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression })
        {
            return false;
        }

        if (document.Model.GetSymbolInfo(receiver).Symbol is ITypeSymbol or INamespaceSymbol)
        {
            return false;
        }

        var info = document.Model.GetTypeInfo(receiver);
        return info.Type is { IsReferenceType: true } || info.Type is { } type && !SyntaxFacts.IsPlainValueType(type) && type.IsValueType;
    }

    private static string Rewrite(ExpressionSyntax top, IEnumerable<(TextSpan Span, string Text)> edits)
    {
        var text = new StringBuilder(top.ToString());
        foreach (var (span, replacement) in edits.OrderByDescending(e => e.Span.Start))
        {
            text.Remove(span.Start - top.SpanStart, span.Length).Insert(span.Start - top.SpanStart, replacement);
        }

        return text.ToString();
    }

    private static string Short(SyntaxNode node)
    {
        var text = node.ToString();
        return text.Length <= 40 ? text : text[..40] + "…";
    }
}
