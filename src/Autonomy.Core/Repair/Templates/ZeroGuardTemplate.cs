using Autonomy.Core.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Repair.Templates;

/// <summary>
/// <see cref="DivideByZeroException"/>: a division or remainder by a value that can be zero answers a clear
/// <c>InvalidToolInputException</c> naming the divisor, or zero.
/// </summary>
internal sealed class ZeroGuardTemplate : IFixTemplate
{
    /// <inheritdoc />
    public string Key => FixTemplates.ZeroGuard;

    /// <inheritdoc />
    public IEnumerable<TemplateEdit> Propose(ToolDocument document, FixSite site)
    {
        foreach (var division in document.ExpressionsOnLine(site.Line).OfType<BinaryExpressionSyntax>()
            .Where(b => b.IsKind(SyntaxKind.DivideExpression) || b.IsKind(SyntaxKind.ModuloExpression)))
        {
            if (!SyntaxFacts.IsPure(division.Right) || division.Right is LiteralExpressionSyntax)
            {
                continue;
            }

            var divisor = division.Right is IdentifierNameSyntax or MemberAccessExpressionSyntax ? division.Right.ToString() : "(" + division.Right + ")";
            var name = SyntaxFacts.Describe(division.Right);
            var refusal = $"{divisor} == 0 ? throw new {document.InvalidInput}({ToolDocument.Literal($"'{name}' must not be zero.")}) : {division}";
            yield return new TemplateEdit(document.Replace(division, "(" + refusal + ")"), $"zero-guard at line {site.Line}: refuse a zero `{division.Right}`", 10);
            yield return new TemplateEdit(document.Replace(division, $"({divisor} == 0 ? 0 : {division})"), $"zero-guard at line {site.Line}: zero when `{division.Right}` is zero", 8);
        }
    }
}
