using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Autonomy.Core.Repair.Mutation;

/// <summary>
/// Enumerates the single edits of a tool at chosen lines, with the operators of <see cref="MutationKind"/>. It asks
/// the semantic model for types and scopes, and leaves the rest to the compiler: a mutant that does not compile is
/// dropped when its schema is built.
/// </summary>
internal sealed class MutationCatalog
{
    private readonly List<Mutation> _mutations = [];
    private readonly HashSet<(int Start, int End, string Text)> _seen = [];
    private readonly SourceText _text;
    private readonly Dictionary<SyntaxNode, DataFlowAnalysis?> _flows = [];

    private MutationCatalog(SemanticModel model)
    {
        Model = model;
        Root = model.SyntaxTree.GetRoot();
        _text = model.SyntaxTree.GetText();
    }

    /// <summary>The original's semantic model.</summary>
    public SemanticModel Model { get; }

    /// <summary>The original's root.</summary>
    public SyntaxNode Root { get; }

    /// <summary>
    /// Every single edit whose site starts on one of <paramref name="lines"/>; statement deletion, guards and insertion
    /// only on <paramref name="structuralLines"/> (they are many per site).
    /// </summary>
    public static IReadOnlyList<Mutation> Build(SemanticModel model, IReadOnlySet<int> lines, IReadOnlySet<int> structuralLines)
    {
        var catalog = new MutationCatalog(model);
        var conditions = new ConditionPool(model);
        new ExpressionMutator(catalog, conditions).Run(lines);
        new StatementMutator(catalog, conditions).Run(lines, structuralLines);
        return catalog._mutations;
    }

    /// <summary>
    /// Whether every local that <paramref name="reader"/> reads is definitely assigned at <paramref name="point"/>
    /// (before it, or after it when <paramref name="after"/>). The compiler reports only the first read of an
    /// unassigned local, so each such mutant would cost a schema build of its own; out-of-scope locals fail too.
    /// </summary>
    public bool ReadsOnlyAssigned(SyntaxNode reader, StatementSyntax point, bool after = false)
    {
        if (Flow(reader) is not { } reads || Flow(point) is not { } at)
        {
            return false;
        }

        var assigned = after ? at.DefinitelyAssignedOnEntry.Concat(at.AlwaysAssigned) : at.DefinitelyAssignedOnEntry;
        var set = assigned.ToHashSet<ISymbol?>(SymbolEqualityComparer.Default);
        return reads.ReadInside.OfType<ILocalSymbol>().Except(reads.VariablesDeclared.OfType<ILocalSymbol>(), SymbolEqualityComparer.Default).All(set.Contains);
    }

    private DataFlowAnalysis? Flow(SyntaxNode node)
    {
        if (!_flows.TryGetValue(node, out var flow))
        {
            try
            {
                flow = node switch
                {
                    StatementSyntax statement => Model.AnalyzeDataFlow(statement),
                    ExpressionSyntax expression => Model.AnalyzeDataFlow(expression),
                    _ => null,
                };
            }
            catch (ArgumentException)
            {
                flow = null;
            }

            _flows[node] = flow is { Succeeded: true } ? flow : null;
        }

        return _flows[node];
    }

    /// <summary>The 1-based line a position is on.</summary>
    public int LineOf(int position) => _text.Lines.GetLineFromPosition(position).LineNumber + 1;

    /// <summary>The whitespace that indents the line <paramref name="position"/> is on.</summary>
    public string IndentAt(int position)
    {
        var line = _text.Lines.GetLineFromPosition(position);
        var prefix = _text.ToString(TextSpan.FromBounds(line.Start, position));
        return prefix.All(char.IsWhiteSpace) ? prefix : string.Empty;
    }

    /// <summary>Records an edit that replaces the whole <paramref name="site"/> with <paramref name="replacement"/>.</summary>
    public void Replace(MutationKind kind, SyntaxNode site, string replacement, string description)
    {
        var form = site is StatementSyntax ? SiteForm.Statement : SiteForm.Expression;
        Add(kind, site.Span, replacement, description, site, form);
    }

    /// <summary>Records an insertion of <paramref name="statement"/> text before or after <paramref name="anchor"/>.</summary>
    public void Insert(StatementSyntax anchor, bool after, string statement, string description)
    {
        var indent = IndentAt(anchor.SpanStart);
        if (after)
        {
            Add(MutationKind.StatementInsertion, new TextSpan(anchor.Span.End, 0), "\n" + indent + statement, description, anchor, SiteForm.InsertAfter);
        }
        else
        {
            Add(MutationKind.StatementInsertion, new TextSpan(anchor.SpanStart, 0), statement + "\n" + indent, description, anchor, SiteForm.InsertBefore);
        }
    }

    /// <summary>The text of <paramref name="site"/> with <paramref name="edits"/> (spans of the original) replaced.</summary>
    public static string Rewrite(SyntaxNode site, params (TextSpan Span, string Text)[] edits)
    {
        var text = site.ToString();
        foreach (var (span, replacement) in edits.OrderByDescending(e => e.Span.Start))
        {
            var start = span.Start - site.SpanStart;
            text = string.Concat(text.AsSpan(0, start), replacement, text.AsSpan(start + span.Length));
        }

        return text;
    }

    /// <summary>The text of an expression, parenthesised when an operator next to it could bind into it.</summary>
    public static string Operand(ExpressionSyntax expression) => expression switch
    {
        BinaryExpressionSyntax or ConditionalExpressionSyntax or AssignmentExpressionSyntax or IsPatternExpressionSyntax
            or LambdaExpressionSyntax or SwitchExpressionSyntax or CastExpressionSyntax => "(" + expression + ")",
        _ => expression.ToString(),
    };

    /// <summary>
    /// The type of an expression site, as the schema casts each mutant branch to it, so that one mutant of another
    /// type (a nullable, a wider number) cannot change the type of the whole site and break the schema's compile for
    /// every mutant around it; null where a cast is impossible or pointless (no type, an error, anonymous types,
    /// lambdas, method groups, ref structs).
    /// </summary>
    private string? CastableType(SyntaxNode site)
    {
        if (site is not ExpressionSyntax expression || Model.GetTypeInfo(expression).Type is not { } type)
        {
            return null;
        }

        return type.TypeKind is TypeKind.Error or TypeKind.Delegate or TypeKind.Pointer or TypeKind.Dynamic || type.IsAnonymousType || type.IsRefLikeType
            ? null
            : type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
                SymbolDisplayFormat.FullyQualifiedFormat.MiscellaneousOptions | SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));
    }

    private void Add(MutationKind kind, TextSpan span, string replacement, string description, SyntaxNode site, SiteForm form)
    {
        if (!span.IsEmpty && _text.ToString(span) == replacement)
        {
            return;
        }

        if (!_seen.Add((span.Start, span.End, replacement)))
        {
            return;
        }

        // A replacement that does not even parse never reaches the compiler.
        var parsed = form == SiteForm.Expression ? (SyntaxNode)SyntaxFactory.ParseExpression(replacement) : SyntaxFactory.ParseStatement(replacement.Trim());
        if (parsed.ContainsDiagnostics || parsed.FullSpan.Length != (form == SiteForm.Expression ? replacement.Length : replacement.Trim().Length))
        {
            return;
        }

        var member = site.AncestorsAndSelf().OfType<MemberDeclarationSyntax>().FirstOrDefault(m => m is not BaseTypeDeclarationSyntax);
        _mutations.Add(new Mutation(_mutations.Count + 1, kind, span, replacement, LineOf(span.Start), description, member?.SpanStart ?? 0, site, form, form == SiteForm.Expression ? CastableType(site) : null));
    }
}
