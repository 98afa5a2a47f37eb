using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Cli.Commands.Tools;

/// <summary>
/// Reads a tool's name from its <c>[Tool("name", ...)]</c> attribute by parsing alone: no compile, so
/// <c>tools add</c> costs the CLI milliseconds, and the silo, which compiles anyway, stays the judge of the source.
/// </summary>
internal static class ToolNameReader
{
    /// <summary>The name when exactly one class carries a <c>Tool</c> attribute whose first argument is a string literal.</summary>
    public static string? TryRead(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var names = root.DescendantNodes()
            .OfType<ClassDeclarationSyntax>()
            .SelectMany(c => c.AttributeLists.SelectMany(l => l.Attributes))
            .Where(a => IsToolAttribute(a.Name))
            .Select(a => a.ArgumentList?.Arguments.FirstOrDefault()?.Expression)
            .OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
            .Select(l => l.Token.ValueText)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return names.Count == 1 && !string.IsNullOrWhiteSpace(names[0]) ? names[0] : null;
    }

    private static bool IsToolAttribute(NameSyntax name)
    {
        var simple = name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            SimpleNameSyntax plain => plain.Identifier.ValueText,
            _ => string.Empty,
        };
        return simple is "Tool" or "ToolAttribute";
    }
}
