using Autonomy.Core.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Repair.Templates;

/// <summary>
/// A JSON value of the wrong kind (<c>GetValue&lt;T&gt;()</c> on a string where a number was expected, or on an
/// object): the value is read with <c>TryGetValue&lt;T&gt;</c>, and a value of another kind answers a clear
/// <c>InvalidToolInputException</c> naming the field and the type it must have.
/// </summary>
internal sealed class TypeCheckTemplate : IFixTemplate
{
    /// <inheritdoc />
    public string Key => FixTemplates.TypeCheck;

    /// <inheritdoc />
    public IEnumerable<TemplateEdit> Propose(ToolDocument document, FixSite site)
    {
        foreach (var call in document.ExpressionsOnLine(site.Line).OfType<InvocationExpressionSyntax>())
        {
            if (Conditional(document, site, call) is { } edit)
            {
                yield return edit;
                continue;
            }

            if (call.Expression is not MemberAccessExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "GetValue", TypeArgumentList.Arguments.Count: 1 } generic } member
                || !SyntaxFacts.IsPure(member.Expression)
                || document.Model.GetTypeInfo(member.Expression).Type is not { } receiver || !receiver.Name.StartsWith("Json", StringComparison.Ordinal))
            {
                continue;
            }

            var type = generic.TypeArgumentList.Arguments[0];
            var field = SyntaxFacts.Describe(member.Expression);
            var json = document.FreshName("json");
            var value = document.FreshName("typed");
            var jsonValue = document.TypeName("System.Text.Json.Nodes", "JsonValue");
            var message = ToolDocument.Literal($"'{field}' must be {Kind(document.Model.GetTypeInfo(type).Type)}.");
            var replacement = $"{member.Expression} is {jsonValue} {json} && {json}.TryGetValue<{type}>(out var {value}) ? {value} : throw new {document.InvalidInput}({message})";
            yield return new TemplateEdit(document.Replace(call, ToolDocument.InContext(call, replacement)), $"type-check at line {site.Line}: read `{member.Expression}` with TryGetValue<{type}>, refuse another kind", 14);
        }
    }

    /// <summary><c>input?["f"]?.GetValue&lt;T&gt;()</c>: null stays null, a value of another kind is refused.</summary>
    private static TemplateEdit? Conditional(ToolDocument document, FixSite site, InvocationExpressionSyntax call)
    {
        if (call is not { Expression: MemberBindingExpressionSyntax { Name: GenericNameSyntax { Identifier.ValueText: "GetValue", TypeArgumentList.Arguments.Count: 1 } generic } }
            || call.Parent is not ConditionalAccessExpressionSyntax access || access.WhenNotNull != call)
        {
            return null;
        }

        var top = SyntaxFacts.ChainTop(call);
        var receiver = document.Text.ToString(Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(top.SpanStart, access.OperatorToken.SpanStart));
        if (top.Span.End != call.Span.End || receiver.Contains('(', StringComparison.Ordinal))
        {
            return null;
        }

        var type = generic.TypeArgumentList.Arguments[0];
        var field = SyntaxFacts.FieldPath(top) is { Count: > 0 } path ? path[^1] : "value";
        var json = document.FreshName("json");
        var value = document.FreshName("typed");
        var jsonValue = document.TypeName("System.Text.Json.Nodes", "JsonValue");
        var message = ToolDocument.Literal($"'{field}' must be {Kind(document.Model.GetTypeInfo(type).Type)}.");
        var replacement = $"{receiver} is {jsonValue} {json} ? ({json}.TryGetValue<{type}>(out var {value}) ? {value} : throw new {document.InvalidInput}({message})) : ({type}?)null";
        return new TemplateEdit(document.Replace(top, "(" + replacement + ")"), $"type-check at line {site.Line}: read '{field}' with TryGetValue<{type}>, refuse another kind", 16);
    }

    private static string Kind(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_String => "a string",
        SpecialType.System_Boolean => "a boolean",
        SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte => "an integer",
        SpecialType.System_Double or SpecialType.System_Single or SpecialType.System_Decimal => "a number",
        _ => "a " + (type?.Name ?? "value"),
    };
}
