using Autonomy.Core.Analysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Repair.Templates;

/// <summary>
/// <c>InvalidOperationException</c> "Sequence contains no elements": <c>First</c>/<c>Last</c>/<c>Single</c> become
/// their <c>OrDefault</c> forms; <c>Max</c>/<c>Min</c>/<c>Average</c> read <c>DefaultIfEmpty()</c>; or the empty
/// sequence answers a clear <c>InvalidToolInputException</c>.
/// </summary>
internal sealed class EmptySequenceTemplate : IFixTemplate
{
    private static readonly HashSet<string> OrDefault = new(StringComparer.Ordinal) { "First", "Last", "Single", "ElementAt" };

    private static readonly HashSet<string> Aggregates = new(StringComparer.Ordinal) { "Max", "Min", "Average", "Aggregate" };

    /// <inheritdoc />
    public string Key => FixTemplates.EmptySequence;

    /// <inheritdoc />
    public IEnumerable<TemplateEdit> Propose(ToolDocument document, FixSite site)
    {
        foreach (var call in document.ExpressionsOnLine(site.Line).OfType<InvocationExpressionSyntax>())
        {
            if (call.Expression is not MemberAccessExpressionSyntax member)
            {
                continue;
            }

            var name = member.Name.Identifier.ValueText;
            if (OrDefault.Contains(name))
            {
                yield return new TemplateEdit(document.Apply((member.Name.Identifier.Span, name + "OrDefault")), $"empty-sequence at line {site.Line}: `{name}` → `{name}OrDefault`", 1);
            }
            else if (Aggregates.Contains(name) && name != "Aggregate")
            {
                yield return new TemplateEdit(document.Apply((member.OperatorToken.Span, ".DefaultIfEmpty().")), $"empty-sequence at line {site.Line}: `{name}` over `DefaultIfEmpty()`", 3);
            }
            else
            {
                continue;
            }

            if (SyntaxFacts.IsPure(member.Expression))
            {
                var what = SyntaxFacts.Describe(member.Expression);
                var linq = document.TypeName("System.Linq", "Enumerable");
                var refusal = $"!{linq}.Any({member.Expression}) ? throw new {document.InvalidInput}({ToolDocument.Literal($"'{what}' must not be empty.")}) : {call}";
                yield return new TemplateEdit(document.Replace(call, "(" + refusal + ")"), $"empty-sequence at line {site.Line}: refuse an empty `{member.Expression}`", 10);
            }
        }
    }
}
