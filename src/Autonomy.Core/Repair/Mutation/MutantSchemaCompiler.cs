using System.Text;
using Autonomy.Abstractions.Tools;
using Autonomy.Core.Compilation;
using Autonomy.Core.Policy;
using Autonomy.Core.Sandbox;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Autonomy.Core.Repair.Mutation;

/// <summary>
/// The internal build path for mutant schemata. It differs from <see cref="ToolCompiler"/> in one documented way:
/// the policy check skips the schema's own helper class (<see cref="MutantSchemaBuilder.ScaffoldName"/>), which
/// reads the active mutant ids from an <see cref="AsyncLocal{T}"/> that tool code may not touch. Everything else
/// is checked as for any version: the policy (every mutant's code included, so a method replacement cannot reach a
/// forbidden API), the tool contract, and the sandbox rewrite (budget checks at loops and calls), which the helper
/// class is spared so that switches cost no steps. Errors come back as positions, for the caller to map to mutants.
/// </summary>
internal static class MutantSchemaCompiler
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    /// <summary>What a build gave: the loaded schema, or the errors with their positions in the schema tree.</summary>
    public sealed record Outcome(CompiledTool? Tool, SyntaxNode Root, IReadOnlyList<(TextSpan Span, string Message)> Errors);

    /// <summary>Checks a schema (compiler and policy) and, when it is clean and <paramref name="emit"/>, emits and loads it.</summary>
    public static Outcome Compile(SyntaxNode schemaRoot, ToolPolicy policy, bool emit)
    {
        var tree = CSharpSyntaxTree.Create((CSharpSyntaxNode)schemaRoot, s_parseOptions, "tool.cs", Encoding.UTF8);
        var root = tree.GetRoot();
        var hash = SourceHash.Of(root.ToFullString());
        var compilation = Create(hash, tree);
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.IsInSource)
            .Select(d => (d.Location.SourceSpan, d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();
        var model = compilation.GetSemanticModel(tree);
        var scaffold = root.DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.ValueText == MutantSchemaBuilder.ScaffoldName);
        var text = tree.GetText();
        foreach (var violation in policy.Check(model))
        {
            var line = text.Lines[Math.Clamp(violation.Line - 1, 0, text.Lines.Count - 1)];
            var position = Math.Min(line.Start + Math.Max(violation.Column - 1, 0), line.End);
            if (scaffold is null || !scaffold.Span.Contains(position))
            {
                errors.Add((new TextSpan(position, 0), "policy/" + violation.Rule + ": " + violation.Message));
            }
        }

        if (errors.Count > 0 || !emit)
        {
            return new Outcome(null, root, errors);
        }

        var diagnostics = new List<ToolDiagnostic>();
        var located = ToolClassLocator.Locate(compilation, tree, diagnostics);
        if (located.ToolClass is null || located.Metadata is null || diagnostics.Any(d => d.IsError))
        {
            return new Outcome(null, root, [.. diagnostics.Where(d => d.IsError).Select(d => (new TextSpan(0, 0), d.Message))]);
        }

        var rewritten = SandboxRewriter.Rewrite(model);
        var rewrittenScaffold = rewritten.DescendantNodes().OfType<ClassDeclarationSyntax>().First(c => c.Identifier.ValueText == MutantSchemaBuilder.ScaffoldName);
        rewritten = rewritten.ReplaceNode(rewrittenScaffold, scaffold!);
        var emitted = Create(hash, CSharpSyntaxTree.Create((CSharpSyntaxNode)rewritten, s_parseOptions, "tool.cs", Encoding.UTF8));
        using var pe = new MemoryStream();
        var result = emitted.Emit(pe);
        if (!result.Success)
        {
            return new Outcome(null, root, [.. result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => (new TextSpan(0, 0), "the sandbox rewrite of the schema does not compile: " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)))]);
        }

        pe.Position = 0;
        var context = new ToolLoadContext($"mutants:{located.Metadata.Name}:{hash[..12]}");
        var assembly = context.LoadFromStream(pe);
        var typeName = located.ToolClass.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty, StringComparison.Ordinal);
        var tool = new CompiledTool(hash, located.Metadata, located.InputSchema, located.OutputSchema, context, assembly, assembly.GetType(typeName, throwOnError: true)!, instrumented: true, diagnosticBuild: null);
        return new Outcome(tool, root, []);
    }

    private static CSharpCompilation Create(string hash, SyntaxTree tree) =>
        CSharpCompilation.Create(
            "mutants_" + hash[..16],
            [tree],
            ToolReferences.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                allowUnsafe: false,
                deterministic: true,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false));
}
