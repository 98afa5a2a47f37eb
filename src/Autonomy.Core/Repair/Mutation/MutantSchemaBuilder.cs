using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Autonomy.Core.Repair.Mutation;

/// <summary>
/// Writes a mutant schema: one copy of the tool in which every enabled mutant sits behind a switch on its id
/// (<c>On(17) ? mutated : original</c> for expressions, <c>if (On(17)) { mutated } else { original }</c> for
/// statements), plus a coverage probe <c>Hit(k)</c> before every statement. The switch reads the ids active in the
/// current execution from an <see cref="AsyncLocal{T}"/> in a helper class nested in the tool class, so that one
/// compiled assembly runs any mutant (or pair of mutants) in parallel executions. Branches and sites carry
/// annotations, so that a compiler error maps back to the mutant that caused it.
/// </summary>
internal sealed class MutantSchemaBuilder : CSharpSyntaxRewriter
{
    /// <summary>The helper class's name, nested in the tool class.</summary>
    public const string ScaffoldName = "__AutonomyMutants";

    /// <summary>Annotation kind on a mutant's branch; its data is the mutant id.</summary>
    public const string MutantAnnotation = "autonomy.mutant";

    /// <summary>Annotation kind on a site's switch; its data is the ids of its mutants, comma-separated.</summary>
    public const string SiteAnnotation = "autonomy.site";

    /// <summary>Annotation kind on a site's original branch: an error there is not the site's mutants' fault.</summary>
    public const string OriginalAnnotation = "autonomy.original";

    /// <summary>Annotation kind on a member; its data is the member's start in the original.</summary>
    public const string MemberAnnotation = "autonomy.member";

    private const string Scaffold = """
        internal static class __AutonomyMutants
        {
            internal static readonly global::System.Threading.AsyncLocal<int[]?> Active = new();
            internal static readonly global::System.Threading.AsyncLocal<bool[]?> Hits = new();

            internal static bool On(int id)
            {
                var active = Active.Value;
                return active is not null && (active[0] == id || (active.Length > 1 && active[1] == id));
            }

            internal static void Hit(int id)
            {
                var hits = Hits.Value;
                if (hits is not null)
                {
                    hits[id] = true;
                }
            }
        }
        """;

    private readonly Dictionary<SyntaxNode, List<Mutation>> _sites = [];
    private readonly Dictionary<SyntaxNode, List<Mutation>> _before = [];
    private readonly Dictionary<SyntaxNode, List<Mutation>> _after = [];
    private readonly Dictionary<SyntaxNode, int> _probes;
    private readonly ClassDeclarationSyntax _toolClass;
    private readonly string _prefix;

    private MutantSchemaBuilder(IEnumerable<Mutation> mutations, ClassDeclarationSyntax toolClass, string toolTypeName, IReadOnlyList<StatementSyntax> probes)
    {
        foreach (var mutation in mutations)
        {
            var map = mutation.Form switch
            {
                SiteForm.InsertBefore => _before,
                SiteForm.InsertAfter => _after,
                _ => _sites,
            };

            // An edit of a whole expression statement switches at the statement: a conditional is no statement.
            var site = mutation.Form == SiteForm.Expression && mutation.Site.Parent is ExpressionStatementSyntax statement ? statement : mutation.Site;
            if (!map.TryGetValue(site, out var list))
            {
                map[site] = list = [];
            }

            list.Add(mutation);
        }

        _probes = probes.Select((statement, index) => (statement, index)).ToDictionary(p => (SyntaxNode)p.statement, p => p.index);
        _toolClass = toolClass;
        _prefix = toolTypeName + "." + ScaffoldName + ".";
    }

    /// <summary>The statements that get a coverage probe, in document order (probe id = index).</summary>
    public static IReadOnlyList<StatementSyntax> ProbedStatements(SyntaxNode root) =>
        root.DescendantNodes().OfType<StatementSyntax>()
            .Where(s => s is not (BlockSyntax or LocalFunctionStatementSyntax or LabeledStatementSyntax)
                && s.Parent is BlockSyntax or SwitchSectionSyntax or IfStatementSyntax or ElseClauseSyntax or CommonForEachStatementSyntax
                    or ForStatementSyntax or WhileStatementSyntax or DoStatementSyntax or UsingStatementSyntax or LockStatementSyntax or FixedStatementSyntax)
            .ToList();

    /// <summary>Finds the tool class (the one class that implements <c>ITool</c>) in the original.</summary>
    public static (ClassDeclarationSyntax Declaration, string FullName)? FindToolClass(SemanticModel model)
    {
        foreach (var declaration in model.SyntaxTree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>())
        {
            if (model.GetDeclaredSymbol(declaration) is { } symbol && symbol.AllInterfaces.Any(i => i.ToDisplayString() == "Autonomy.Tools.ITool"))
            {
                return (declaration, symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            }
        }

        return null;
    }

    /// <summary>Writes the schema of <paramref name="mutations"/> over the original <paramref name="root"/>.</summary>
    public static SyntaxNode Build(SyntaxNode root, IEnumerable<Mutation> mutations, ClassDeclarationSyntax toolClass, string toolTypeName, IReadOnlyList<StatementSyntax> probes) =>
        new MutantSchemaBuilder(mutations, toolClass, toolTypeName, probes).Visit(root)!;

    public override SyntaxNode? Visit(SyntaxNode? node)
    {
        if (node is null)
        {
            return null;
        }

        var visited = base.Visit(node);
        switch (node)
        {
            case ExpressionSyntax expression when visited is ExpressionSyntax changed && _sites.TryGetValue(expression, out var mutations):
                return ExpressionSite(changed, mutations);
            case StatementSyntax statement when visited is StatementSyntax changed:
                if (_sites.TryGetValue(statement, out var statementMutations))
                {
                    changed = StatementSite(changed, statementMutations);
                }

                // An embedded statement (an if's body without braces) takes its probe inside a new block.
                if (_probes.TryGetValue(statement, out var probe) && statement.Parent is not (BlockSyntax or SwitchSectionSyntax))
                {
                    changed = Block(Probe(probe), changed.WithoutTrivia()).WithTriviaFrom(changed);
                }

                return changed;
            case MemberDeclarationSyntax member when member is not BaseTypeDeclarationSyntax && visited is not null:
                return visited.WithAdditionalAnnotations(new SyntaxAnnotation(MemberAnnotation, member.SpanStart.ToString(CultureInfo.InvariantCulture)));
            default:
                return visited;
        }
    }

    public override SyntaxNode? VisitClassDeclaration(ClassDeclarationSyntax node)
    {
        var visited = (ClassDeclarationSyntax)base.VisitClassDeclaration(node)!;
        return node == _toolClass ? visited.AddMembers((MemberDeclarationSyntax)ParseMemberDeclaration(Scaffold)!) : visited;
    }

    public override SyntaxNode? VisitBlock(BlockSyntax node) =>
        node.WithStatements(List(node.Statements.SelectMany(Expand)));

    public override SyntaxNode? VisitSwitchSection(SwitchSectionSyntax node) =>
        node.WithLabels(VisitList(node.Labels)).WithStatements(List(node.Statements.SelectMany(Expand)));

    private IEnumerable<StatementSyntax> Expand(StatementSyntax statement)
    {
        if (_before.TryGetValue(statement, out var before))
        {
            yield return Insertion(before);
        }

        if (_probes.TryGetValue(statement, out var probe))
        {
            yield return Probe(probe);
        }

        yield return (StatementSyntax)Visit(statement)!;
        if (_after.TryGetValue(statement, out var after))
        {
            yield return Insertion(after);
        }
    }

    private ExpressionSyntax ExpressionSite(ExpressionSyntax original, List<Mutation> mutations)
    {
        ExpressionSyntax result = ParenthesizedExpression(original.WithoutTrivia()).WithAdditionalAnnotations(new SyntaxAnnotation(OriginalAnnotation));
        foreach (var mutation in Enumerable.Reverse(mutations))
        {
            var replacement = mutation.SiteType is { } type ? "(" + type + ")(" + mutation.Replacement + ")" : mutation.Replacement;
            var branch = ParenthesizedExpression(ParseExpression(replacement)).WithAdditionalAnnotations(Branch(mutation));
            result = ConditionalExpression(On(mutation), branch, result);
        }

        return ParenthesizedExpression(result).WithAdditionalAnnotations(Site(mutations)).WithTriviaFrom(original);
    }

    private StatementSyntax StatementSite(StatementSyntax original, List<Mutation> mutations)
    {
        StatementSyntax result = Block(original.WithoutTrivia()).WithAdditionalAnnotations(new SyntaxAnnotation(OriginalAnnotation));
        foreach (var mutation in Enumerable.Reverse(mutations))
        {
            var text = mutation.Form == SiteForm.Expression ? mutation.Replacement + ";" : mutation.Replacement;
            var branch = Block(ParseStatement(text.Trim())).WithAdditionalAnnotations(Branch(mutation));
            result = IfStatement(On(mutation), branch, ElseClause(result));
        }

        return result.WithAdditionalAnnotations(Site(mutations)).WithTriviaFrom(original);
    }

    private StatementSyntax Insertion(List<Mutation> mutations)
    {
        IfStatementSyntax? result = null;
        foreach (var mutation in Enumerable.Reverse(mutations))
        {
            var branch = Block(ParseStatement(mutation.Replacement.Trim())).WithAdditionalAnnotations(Branch(mutation));
            result = IfStatement(On(mutation), branch, result is null ? null : ElseClause(result));
        }

        return result!.WithAdditionalAnnotations(Site(mutations));
    }

    private ExpressionSyntax On(Mutation mutation) => ParseExpression(_prefix + "On(" + mutation.Id.ToString(CultureInfo.InvariantCulture) + ")");

    private StatementSyntax Probe(int id) => ParseStatement(_prefix + "Hit(" + id.ToString(CultureInfo.InvariantCulture) + ");");

    private static SyntaxAnnotation Branch(Mutation mutation) => new(MutantAnnotation, mutation.Id.ToString(CultureInfo.InvariantCulture));

    private static SyntaxAnnotation Site(List<Mutation> mutations) =>
        new(SiteAnnotation, string.Join(',', mutations.Select(m => m.Id.ToString(CultureInfo.InvariantCulture))));
}
