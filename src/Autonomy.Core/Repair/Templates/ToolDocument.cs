using System.Text.Json;
using System.Text.Json.Nodes;
using Autonomy.Core.Compilation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Autonomy.Core.Repair.Templates;

/// <summary>
/// A tool source parsed for the fix templates: its syntax tree, a semantic model against the tools' curated
/// references, its declared input and output schemas, and helpers that splice new text into the original so that
/// untouched code keeps its formatting.
/// </summary>
internal sealed class ToolDocument
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest, DocumentationMode.None);
    private readonly Lazy<SemanticModel> _model;
    private readonly HashSet<string> _identifiers;
    private readonly HashSet<string> _usings;

    private ToolDocument(string source)
    {
        Source = source;
        Tree = CSharpSyntaxTree.ParseText(source, s_parseOptions);
        Text = Tree.GetText();
        Root = (CompilationUnitSyntax)Tree.GetRoot();
        _model = new Lazy<SemanticModel>(() => CSharpCompilation.Create(
                "fix_template",
                [Tree],
                ToolReferences.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .GetSemanticModel(Tree));
        _identifiers = Root.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText).ToHashSet(StringComparer.Ordinal);
        _usings = Root.Usings.Where(u => u.Alias is null && u.StaticKeyword.IsKind(SyntaxKind.None) && u.Name is not null)
            .Select(u => u.Name!.ToString())
            .ToHashSet(StringComparer.Ordinal);
        InputSchema = ReadSchema("ToolInputSchema");
        OutputSchema = ReadSchema("ToolOutputSchema");
    }

    /// <summary>The source.</summary>
    public string Source { get; }

    /// <summary>The syntax tree.</summary>
    public SyntaxTree Tree { get; }

    /// <summary>The source text.</summary>
    public SourceText Text { get; }

    /// <summary>The root.</summary>
    public CompilationUnitSyntax Root { get; }

    /// <summary>The semantic model, created on first use.</summary>
    public SemanticModel Model => _model.Value;

    /// <summary>The input schema from <c>[ToolInputSchema]</c>, or null.</summary>
    public JsonObject? InputSchema { get; }

    /// <summary>The output schema from <c>[ToolOutputSchema]</c>, or null.</summary>
    public JsonObject? OutputSchema { get; }

    /// <summary>Parses a source.</summary>
    public static ToolDocument Parse(string source) => new(source);

    /// <summary>Whether a source parses without syntax errors.</summary>
    public static bool ParsesCleanly(string source) =>
        !CSharpSyntaxTree.ParseText(source, s_parseOptions).GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The expressions that start on a 1-based line, outermost first.</summary>
    public IReadOnlyList<ExpressionSyntax> ExpressionsOnLine(int line)
    {
        if (line < 1 || line > Text.Lines.Count)
        {
            return [];
        }

        var span = Text.Lines[line - 1].Span;
        return Root.DescendantNodes(span).OfType<ExpressionSyntax>().Where(n => span.Contains(n.SpanStart)).ToList();
    }

    /// <summary>The 1-based line a node starts on.</summary>
    public int LineOf(SyntaxNode node) => Text.Lines.GetLineFromPosition(node.SpanStart).LineNumber + 1;

    /// <summary>The indentation of the line a node starts on.</summary>
    public string IndentOf(SyntaxNode node)
    {
        var line = Text.Lines.GetLineFromPosition(node.SpanStart).ToString();
        return line[..(line.Length - line.TrimStart().Length)];
    }

    /// <summary>The source with the given spans replaced (spans must not overlap).</summary>
    public string Apply(params (TextSpan Span, string Text)[] edits) =>
        Text.WithChanges(edits.Select(e => new TextChange(e.Span, e.Text))).ToString();

    /// <summary>The source with a node replaced by new text.</summary>
    public string Replace(SyntaxNode node, string text) => Apply((node.Span, text));

    /// <summary>An identifier not used anywhere in the source, based on <paramref name="name"/>.</summary>
    public string FreshName(string name)
    {
        var candidate = name;
        for (var i = 2; _identifiers.Contains(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }

    /// <summary>A type's name as the source can write it: short when its namespace is imported, qualified otherwise.</summary>
    public string TypeName(string ns, string type) => _usings.Contains(ns) ? type : ns + "." + type;

    /// <summary>The exception a tool throws for unusable input, as the source can write it.</summary>
    public string InvalidInput => TypeName("Autonomy.Tools", "InvalidToolInputException");

    /// <summary>The schema of an input field reached by a path of property names, or null.</summary>
    public JsonObject? InputProperty(IReadOnlyList<string> path)
    {
        JsonObject? schema = InputSchema;
        foreach (var name in path)
        {
            schema = schema?["properties"]?[name] as JsonObject;
        }

        return path.Count == 0 ? null : schema;
    }

    /// <summary>A statement's method, local function or lambda body owner.</summary>
    public static MethodDeclarationSyntax? EnclosingMethod(SyntaxNode node) =>
        node.Ancestors().TakeWhile(a => a is not (LocalFunctionStatementSyntax or LambdaExpressionSyntax or AnonymousMethodExpressionSyntax))
            .OfType<MethodDeclarationSyntax>().FirstOrDefault();

    /// <summary>Parenthesises an expression unless the context it replaces binds looser than any operator.</summary>
    public static string InContext(ExpressionSyntax original, string replacement) =>
        original.Parent is EqualsValueClauseSyntax or ArgumentSyntax or ReturnStatementSyntax or ArrowExpressionClauseSyntax
            or ExpressionStatementSyntax or ParenthesizedExpressionSyntax or InitializerExpressionSyntax
            || (original.Parent is AssignmentExpressionSyntax assignment && assignment.Right == original)
            ? replacement
            : "(" + replacement + ")";

    /// <summary>A string as a C# literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private JsonObject? ReadSchema(string attributeName)
    {
        var attribute = Root.DescendantNodes().OfType<AttributeSyntax>().FirstOrDefault(a =>
        {
            var name = a.Name is QualifiedNameSyntax qualified ? qualified.Right.ToString() : a.Name.ToString();
            return name == attributeName || name == attributeName + "Attribute";
        });
        if (attribute?.ArgumentList?.Arguments.FirstOrDefault()?.Expression is not LiteralExpressionSyntax literal
            || !literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(literal.Token.ValueText) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
