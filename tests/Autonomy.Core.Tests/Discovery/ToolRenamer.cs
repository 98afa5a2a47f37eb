using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Tests.Discovery;

/// <summary>
/// Makes a renamed copy of a tool source, as a person copying a tool would: a new tool name, and every class,
/// method, field, parameter and local declared in the source renamed consistently. The code is otherwise unchanged.
/// Shared with the duplicate-detection benchmark and the grain discovery test (linked into tests/Autonomy.Benchmarks and tests/Autonomy.Grains.Tests).
/// </summary>
internal static class ToolRenamer
{
    public static string Rename(string source, string oldToolName, string newToolName, string suffix)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var declared = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in root.DescendantNodes())
        {
            var identifier = node switch
            {
                BaseTypeDeclarationSyntax type => type.Identifier,
                MethodDeclarationSyntax { Identifier.ValueText: not "ExecuteAsync" } method => method.Identifier,
                LocalFunctionStatementSyntax function => function.Identifier,
                VariableDeclaratorSyntax variable => variable.Identifier,
                ParameterSyntax parameter => parameter.Identifier,
                SingleVariableDesignationSyntax designation => designation.Identifier,
                ForEachStatementSyntax loop => loop.Identifier,
                CatchDeclarationSyntax @catch => @catch.Identifier,
                _ => default,
            };
            if (identifier.ValueText is { Length: > 0 } name)
            {
                declared.Add(name);
            }
        }

        var renamed = new Rewriter(declared, suffix).Visit(root).ToFullString();
        var attribute = $"[Tool(\"{oldToolName}\"";
        return renamed.Contains(attribute, StringComparison.Ordinal)
            ? renamed.Replace(attribute, $"[Tool(\"{newToolName}\"", StringComparison.Ordinal)
            : throw new InvalidOperationException($"No {attribute} in the source.");
    }

    private sealed class Rewriter(HashSet<string> declared, string suffix) : CSharpSyntaxRewriter
    {
        public override SyntaxToken VisitToken(SyntaxToken token)
            => token.IsKind(SyntaxKind.IdentifierToken) && declared.Contains(token.ValueText)
                ? SyntaxFactory.Identifier(token.LeadingTrivia, token.ValueText + suffix, token.TrailingTrivia)
                : base.VisitToken(token);
    }
}
