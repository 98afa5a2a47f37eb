using System.Text.Json.Nodes;
using Autonomy.Core.Analysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Repair.Templates;

/// <summary>
/// <see cref="KeyNotFoundException"/>: a dictionary indexer becomes <c>TryGetValue</c>, and a missing key gets a
/// "not found" answer shaped like the tool's output schema when that schema has a boolean <c>found</c>-like
/// property (its required fields filled from same-named locals), or else a clear
/// <c>InvalidToolInputException</c> naming the key. <c>JsonElement.GetProperty</c> becomes <c>TryGetProperty</c>.
/// </summary>
internal sealed class TryGetValueTemplate : IFixTemplate
{
    private static readonly string[] FoundNames = ["found", "exists", "known", "present", "matched", "available", "success", "ok", "valid"];

    /// <inheritdoc />
    public string Key => FixTemplates.TryGetValue;

    /// <inheritdoc />
    public IEnumerable<TemplateEdit> Propose(ToolDocument document, FixSite site)
    {
        var expressions = document.ExpressionsOnLine(site.Line);
        foreach (var lookup in expressions.OfType<ElementAccessExpressionSyntax>().Where(e => e.ArgumentList.Arguments.Count == 1))
        {
            if (document.Model.GetTypeInfo(lookup.Expression).Type is not { } dictionary || !HasTryGetValue(dictionary))
            {
                continue;
            }

            var key = lookup.ArgumentList.Arguments[0].Expression;
            var keyName = SyntaxFacts.Describe(key);
            var unknown = $"throw new {document.InvalidInput}($\"Unknown {keyName} '{{{key}}}'.\")";
            if (lookup.Parent is EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: LocalDeclarationStatementSyntax statement } declaration } declarator })
            {
                var type = declaration.Type.IsVar ? "var" : declaration.Type.ToString();
                var test = $"!{lookup.Expression}.TryGetValue({key}, out {type} {declarator.Identifier.ValueText})";
                if (NotFoundResult(document, statement, key) is { } notFound)
                {
                    yield return new TemplateEdit(Guard(document, statement, test, notFound.Statement), $"try-get-value at line {site.Line}: `TryGetValue` on `{lookup.Expression}`, answer {notFound.Shape} as the output schema provides", 12 + notFound.Size);
                }

                yield return new TemplateEdit(Guard(document, statement, test, unknown + ";"), $"try-get-value at line {site.Line}: `TryGetValue` on `{lookup.Expression}`, refuse an unknown {keyName}", 14);
            }
            else if (SyntaxFacts.IsPure(key))
            {
                var value = document.FreshName("value");
                var replacement = $"{lookup.Expression}.TryGetValue({key}, out var {value}) ? {value} : {unknown}";
                yield return new TemplateEdit(document.Replace(lookup, "(" + replacement + ")"), $"try-get-value at line {site.Line}: `TryGetValue` on `{lookup.Expression}`, refuse an unknown {keyName}", 16);
            }
        }

        foreach (var call in expressions.OfType<InvocationExpressionSyntax>().Where(i => SyntaxFacts.MethodName(i) == "GetProperty" && i.ArgumentList.Arguments.Count == 1))
        {
            if (call.Expression is not MemberAccessExpressionSyntax member || document.Model.GetTypeInfo(member.Expression).Type?.Name != "JsonElement"
                || !SyntaxFacts.IsPure(call.ArgumentList.Arguments[0].Expression))
            {
                continue;
            }

            var name = call.ArgumentList.Arguments[0].Expression;
            var value = document.FreshName("property");
            var replacement = $"{member.Expression}.TryGetProperty({name}, out var {value}) ? {value} : throw new {document.InvalidInput}($\"'{{{name}}}' is missing.\")";
            yield return new TemplateEdit(document.Replace(call, "(" + replacement + ")"), $"try-get-value at line {site.Line}: `TryGetProperty` instead of `GetProperty`, refuse a missing property", 16);
        }
    }

    private static bool HasTryGetValue(ITypeSymbol type) =>
        type.GetMembers("TryGetValue").Any(m => m is IMethodSymbol { Parameters.Length: 2 })
        || type.AllInterfaces.Any(i => i.GetMembers("TryGetValue").Any(m => m is IMethodSymbol { Parameters.Length: 2 }));

    private static string Guard(ToolDocument document, StatementSyntax statement, string test, string body)
    {
        var indent = document.IndentOf(statement);
        var guard = $"if ({test})\n{indent}{{\n{indent}    {body}\n{indent}}}";
        return document.Replace(statement, guard);
    }

    private static (string Statement, string Shape, int Size)? NotFoundResult(ToolDocument document, StatementSyntax statement, ExpressionSyntax key)
    {
        var properties = document.OutputSchema?["properties"] as JsonObject;
        var flag = properties?.FirstOrDefault(p => FoundNames.Contains(p.Key, StringComparer.OrdinalIgnoreCase)
            && p.Value?["type"]?.GetValue<string>() == "boolean").Key;
        if (flag is null || ToolDocument.EnclosingMethod(statement) is not { } method || document.Model.GetDeclaredSymbol(method) is not { } symbol)
        {
            return null;
        }

        var required = (document.OutputSchema?["required"] as JsonArray)?.Select(r => r?.GetValue<string>()).OfType<string>().ToList() ?? [];
        var scope = document.Model.LookupSymbols(statement.SpanStart)
            .Where(s => s is ILocalSymbol or IParameterSymbol && s.Locations.All(l => l.SourceSpan.Start < statement.SpanStart))
            .ToList();
        var fields = new List<string>();
        foreach (var name in required.Where(r => r != flag))
        {
            // A required field is filled only from a local of the same name or the looked-up key itself.
            var local = scope.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
            var keyName = key is IdentifierNameSyntax identifier ? identifier.Identifier.ValueText : null;
            if (local is null && !string.Equals(keyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            fields.Add($"[{ToolDocument.Literal(name)}] = {local?.Name ?? key.ToString()}");
        }

        fields.Add($"[{ToolDocument.Literal(flag)}] = false");
        var json = document.TypeName("System.Text.Json.Nodes", "JsonObject");
        var result = $"new {json} {{ {string.Join(", ", fields)} }}";
        var returnType = symbol.ReturnType;
        string value;
        if (symbol.IsAsync || returnType.Name is not ("Task" or "ValueTask"))
        {
            value = result;
        }
        else if (returnType is INamedTypeSymbol { TypeArguments.Length: 1 } task && task.Name == "Task")
        {
            value = $"{document.TypeName("System.Threading.Tasks", "Task")}.FromResult<{SyntaxFacts.Display(task.TypeArguments[0], document.Model, statement.SpanStart)}>({result})";
        }
        else
        {
            return null;
        }

        return ($"return {value};", $"`{result}`", 4 * fields.Count);
    }
}
