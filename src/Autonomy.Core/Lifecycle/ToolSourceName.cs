using Autonomy.Core.Compilation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Lifecycle;

/// <summary>
/// Reads a tool's name from its <c>[Tool("name", ...)]</c> attribute by parsing alone (no compile: a folder of
/// hundreds of files is read in milliseconds; registering the tool compiles it and stays the judge of the source).
/// </summary>
public static class ToolSourceName
{
    /// <summary>
    /// The source's identity when exactly one class carries a <c>Tool</c> attribute whose first argument is a
    /// non-empty string literal; otherwise null.
    /// </summary>
    public static ToolSourceIdentity? TryRead(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var literals = root.DescendantNodes()
            .OfType<ClassDeclarationSyntax>()
            .SelectMany(c => c.AttributeLists.SelectMany(l => l.Attributes))
            .Where(a => IsToolAttribute(a.Name))
            .Select(a => a.ArgumentList?.Arguments.FirstOrDefault()?.Expression)
            .OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression))
            .ToList();
        if (literals.Count != 1 || string.IsNullOrWhiteSpace(literals[0].Token.ValueText))
        {
            return null;
        }

        var literal = literals[0];
        var span = literal.Span;
        var unnamed = string.Concat(source.AsSpan(0, span.Start), "\"\"", source.AsSpan(span.End));
        return new ToolSourceIdentity(literal.Token.ValueText, SourceHash.Of(source), SourceHash.Of(unnamed));
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
