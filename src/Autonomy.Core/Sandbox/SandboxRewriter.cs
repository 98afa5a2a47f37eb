using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace Autonomy.Core.Sandbox;

/// <summary>
/// Rewrites a tool's syntax tree so that it cannot hang or kill its host. It inserts
/// <c>SandboxMeter.Step()</c> at every loop back-edge and jump, <c>SandboxMeter.Enter()</c> at the entry of every
/// method, accessor, constructor, local function, lambda and anonymous method, guards array lengths and
/// capacities with <c>SandboxMeter.Reserve</c>, and gives every regular expression a match timeout bounded by
/// the deadline.
/// </summary>
/// <remarks>
/// The rewriter never adds a line break, so every line of the rewritten source is the line of the original that
/// a tool author wrote, and exceptions map to the author's line numbers. Semantic questions are asked of the
/// original nodes, before their children are rewritten.
/// </remarks>
internal sealed class SandboxRewriter(SemanticModel model) : CSharpSyntaxRewriter
{
    private const string MeterType = "global::Autonomy.Tools.Sandbox.SandboxMeter";
    private const string RegexTypeName = "System.Text.RegularExpressions.Regex";

    private static readonly HashSet<string> s_capacityParameters = new(StringComparer.Ordinal)
    {
        "capacity", "totalWidth", "repeatCount", "newSize", "minimumLength", "minimumCapacity",
    };

    private readonly Stack<FunctionBody> _functions = new();

    /// <summary>Rewrites a whole tree.</summary>
    public static SyntaxNode Rewrite(SemanticModel model) => new SandboxRewriter(model).Visit(model.SyntaxTree.GetRoot());

    // ---- loops and jumps -------------------------------------------------------------------------------------

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node)
    {
        var visited = (WhileStatementSyntax)base.VisitWhileStatement(node)!;
        return visited.WithStatement(PrependToStatement(visited.Statement, StepCall()));
    }

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node)
    {
        var visited = (DoStatementSyntax)base.VisitDoStatement(node)!;
        return visited.WithStatement(PrependToStatement(visited.Statement, StepCall()));
    }

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node)
    {
        var visited = (ForStatementSyntax)base.VisitForStatement(node)!;
        return visited.WithStatement(PrependToStatement(visited.Statement, StepCall()));
    }

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node)
    {
        var visited = (ForEachStatementSyntax)base.VisitForEachStatement(node)!;
        return visited.WithStatement(PrependToStatement(visited.Statement, StepCall()));
    }

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node)
    {
        var visited = (ForEachVariableStatementSyntax)base.VisitForEachVariableStatement(node)!;
        return visited.WithStatement(PrependToStatement(visited.Statement, StepCall()));
    }

    public override SyntaxNode? VisitGotoStatement(GotoStatementSyntax node)
    {
        var visited = (GotoStatementSyntax)base.VisitGotoStatement(node)!;

        // A goto can close a loop without any loop syntax, so it counts as a step.
        return Block(Token(SyntaxKind.OpenBraceToken), List([StepCall(), visited.WithoutLeadingTrivia()]), Token(SyntaxKind.CloseBraceToken))
            .WithLeadingTrivia(visited.GetLeadingTrivia());
    }

    // ---- entries -------------------------------------------------------------------------------------------

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var symbol = model.GetDeclaredSymbol(node);
        var function = BeginFunction(symbol);
        var visited = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        EndFunction();
        if (visited.Body is { } body)
        {
            return visited.WithBody(PrependToBlock(body, EnterCall(function)));
        }

        if (visited.ExpressionBody is { } arrow && symbol is not null)
        {
            return visited.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(ArrowToBlock(arrow, visited.SemicolonToken, ReturnsValue(symbol)));
        }

        return visited;
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var function = BeginFunction(model.GetDeclaredSymbol(node));
        var visited = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        EndFunction();
        return RewriteBaseMethod(visited, function, returnsValue: false);
    }

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node)
    {
        var function = BeginFunction(model.GetDeclaredSymbol(node));
        var visited = (OperatorDeclarationSyntax)base.VisitOperatorDeclaration(node)!;
        EndFunction();
        return RewriteBaseMethod(visited, function, returnsValue: true);
    }

    public override SyntaxNode? VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node)
    {
        var function = BeginFunction(model.GetDeclaredSymbol(node));
        var visited = (ConversionOperatorDeclarationSyntax)base.VisitConversionOperatorDeclaration(node)!;
        EndFunction();
        return RewriteBaseMethod(visited, function, returnsValue: true);
    }

    public override SyntaxNode? VisitDestructorDeclaration(DestructorDeclarationSyntax node)
    {
        // Finalizers are refused by the policy; they would run on the finalizer thread, outside any sandbox.
        return base.VisitDestructorDeclaration(node);
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var returnsValue = node.IsKind(SyntaxKind.GetAccessorDeclaration);
        var function = BeginFunction(model.GetDeclaredSymbol(node));
        var visited = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        EndFunction();
        if (visited.Body is { } body)
        {
            return visited.WithBody(PrependToBlock(body, EnterCall(function)));
        }

        if (visited.ExpressionBody is { } arrow)
        {
            return visited.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(ArrowToBlock(arrow, visited.SemicolonToken, returnsValue));
        }

        return visited;
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var visited = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        if (visited.ExpressionBody is not { } arrow)
        {
            return visited;
        }

        return visited.WithExpressionBody(null).WithSemicolonToken(default)
            .WithAccessorList(GetterOnly(ArrowToBlock(arrow, visited.SemicolonToken, returnsValue: true)));
    }

    public override SyntaxNode? VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        var visited = (IndexerDeclarationSyntax)base.VisitIndexerDeclaration(node)!;
        if (visited.ExpressionBody is not { } arrow)
        {
            return visited;
        }

        return visited.WithExpressionBody(null).WithSemicolonToken(default)
            .WithAccessorList(GetterOnly(ArrowToBlock(arrow, visited.SemicolonToken, returnsValue: true)));
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var symbol = model.GetDeclaredSymbol(node) as IMethodSymbol;
        var function = BeginFunction(symbol);
        var visited = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        EndFunction();
        if (visited.Body is { } body)
        {
            return visited.WithBody(PrependToBlock(body, EnterCall(function)));
        }

        if (visited.ExpressionBody is { } arrow && symbol is not null)
        {
            return visited.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(ArrowToBlock(arrow, visited.SemicolonToken, ReturnsValue(symbol)));
        }

        return visited;
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var function = BeginFunction(model.GetSymbolInfo(node).Symbol as IMethodSymbol);
        var visited = (LambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        EndFunction();
        return RewriteLambda(node, visited, function);
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var function = BeginFunction(model.GetSymbolInfo(node).Symbol as IMethodSymbol);
        var visited = (LambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        EndFunction();
        return RewriteLambda(node, visited, function);
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var function = BeginFunction(model.GetSymbolInfo(node).Symbol as IMethodSymbol);
        var visited = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        EndFunction();
        return visited.WithBlock(PrependToBlock(visited.Block, EnterCall(function)));
    }

    // ---- allocations and regular expressions -----------------------------------------------------------------

    public override SyntaxNode? VisitArrayCreationExpression(ArrayCreationExpressionSyntax node)
    {
        var elementSize = model.GetTypeInfo(node).Type is IArrayTypeSymbol array ? EstimateSize(array.ElementType) : 8;
        var visited = (ArrayCreationExpressionSyntax)base.VisitArrayCreationExpression(node)!;
        var ranks = visited.Type.RankSpecifiers;
        if (ranks.Count == 0)
        {
            return visited;
        }

        var first = ranks[0];
        var sizes = SeparatedList(
            first.Sizes.Select(size => size is OmittedArraySizeExpressionSyntax ? size : ReserveCall(size, elementSize)),
            first.Sizes.GetSeparators());
        return visited.WithType(visited.Type.WithRankSpecifiers(ranks.Replace(first, first.WithSizes(sizes))));
    }

    public override SyntaxNode? VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        var method = model.GetSymbolInfo(node).Symbol as IMethodSymbol;
        var visited = (InvocationExpressionSyntax)base.VisitInvocationExpression(node)!;
        return method is null ? visited : visited.WithArgumentList(GuardArguments(method, node.ArgumentList, visited.ArgumentList));
    }

    public override SyntaxNode? VisitObjectCreationExpression(ObjectCreationExpressionSyntax node)
    {
        var method = model.GetSymbolInfo(node).Symbol as IMethodSymbol;
        var visited = (ObjectCreationExpressionSyntax)base.VisitObjectCreationExpression(node)!;
        return method is null || visited.ArgumentList is null || node.ArgumentList is null
            ? visited
            : visited.WithArgumentList(GuardArguments(method, node.ArgumentList, visited.ArgumentList));
    }

    public override SyntaxNode? VisitImplicitObjectCreationExpression(ImplicitObjectCreationExpressionSyntax node)
    {
        var method = model.GetSymbolInfo(node).Symbol as IMethodSymbol;
        var visited = (ImplicitObjectCreationExpressionSyntax)base.VisitImplicitObjectCreationExpression(node)!;
        return method is null ? visited : visited.WithArgumentList(GuardArguments(method, node.ArgumentList, visited.ArgumentList));
    }

    private ArgumentListSyntax GuardArguments(IMethodSymbol method, ArgumentListSyntax original, ArgumentListSyntax visited)
    {
        var arguments = visited.Arguments;
        for (var i = 0; i < original.Arguments.Count; i++)
        {
            var parameter = ParameterFor(method, original.Arguments[i], i);
            if (parameter is null || original.Arguments[i].RefKindKeyword.IsKind(SyntaxKind.None) is false)
            {
                continue;
            }

            if (IsFrameworkMember(method) && IsCapacity(parameter))
            {
                var unit = method.ContainingType.SpecialType == SpecialType.System_String || method.ContainingType.Name == "StringBuilder" ? 2 : 8;
                arguments = arguments.Replace(arguments[i], arguments[i].WithExpression(ReserveCall(arguments[i].Expression, unit)));
            }
            else if (IsRegex(method) && parameter.Name == "matchTimeout")
            {
                arguments = arguments.Replace(arguments[i], arguments[i].WithExpression(MeterInvocation("RegexTimeout", arguments[i].Expression)));
            }
        }

        var list = visited.WithArguments(arguments);
        return IsRegex(method) ? AddRegexTimeout(method, list) : list;
    }

    /// <summary>
    /// A regular expression built or matched without a timeout gets one (the time left before the deadline), by
    /// choosing the overload that takes <c>matchTimeout</c>. Instances then carry it into every instance match.
    /// </summary>
    private static ArgumentListSyntax AddRegexTimeout(IMethodSymbol method, ArgumentListSyntax list)
    {
        var parameterNames = method.Parameters.Select(p => p.Name).ToList();
        var patternBased = method.MethodKind == MethodKind.Constructor || (method.IsStatic && parameterNames.Contains("pattern"));
        if (!patternBased || parameterNames.Contains("matchTimeout"))
        {
            return list;
        }

        List<string> wanted = parameterNames.Contains("options") ? [.. parameterNames, "matchTimeout"] : [.. parameterNames, "options", "matchTimeout"];
        var hasOverload = method.ContainingType.GetMembers(method.Name).OfType<IMethodSymbol>()
            .Any(m => m.Parameters.Select(p => p.Name).SequenceEqual(wanted, StringComparer.Ordinal));
        if (!hasOverload)
        {
            return list;
        }

        var added = new List<ArgumentSyntax>();
        if (!parameterNames.Contains("options"))
        {
            added.Add(Argument(ParseExpression("global::System.Text.RegularExpressions.RegexOptions.None"))
                .WithNameColon(NameColon(IdentifierName("options")).WithTrailingTrivia(Space)));
        }

        added.Add(Argument(MeterInvocation("RegexTimeout")).WithNameColon(NameColon(IdentifierName("matchTimeout")).WithTrailingTrivia(Space)));
        var nodes = list.Arguments.Concat(added).ToList();
        var separators = list.Arguments.GetSeparators().ToList();
        while (separators.Count < nodes.Count - 1)
        {
            separators.Add(Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space));
        }

        return list.WithArguments(SeparatedList(nodes, separators));
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private SyntaxNode RewriteLambda(LambdaExpressionSyntax original, LambdaExpressionSyntax visited, FunctionBody function)
    {
        // Lambdas converted to expression trees are data, not code: leave them alone.
        if (model.GetTypeInfo(original).ConvertedType is INamedTypeSymbol { Name: "Expression", ContainingNamespace: { } ns }
            && ns.ToDisplayString() == "System.Linq.Expressions")
        {
            return visited;
        }

        if (visited.Block is { } block)
        {
            return visited.WithBlock(PrependToBlock(block, EnterCall(function)));
        }

        if (visited.ExpressionBody is not { } body || model.GetSymbolInfo(original).Symbol is not IMethodSymbol symbol)
        {
            return visited;
        }

        var arrowTrailing = visited.ArrowToken.TrailingTrivia;
        var statement = BodyStatement(body.WithoutLeadingTrivia(), ReturnsValue(symbol));
        var newBlock = Block(
            Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(body.GetLeadingTrivia()).WithTrailingTrivia(Space),
            List([EnterCall(), statement]),
            Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(Space));
        return visited.WithExpressionBody(null).WithBlock(newBlock).WithArrowToken(visited.ArrowToken.WithTrailingTrivia(arrowTrailing));
    }

    private static BaseMethodDeclarationSyntax RewriteBaseMethod(BaseMethodDeclarationSyntax visited, FunctionBody function, bool returnsValue)
    {
        if (visited.Body is { } body)
        {
            return visited.WithBody(PrependToBlock(body, EnterCall(function)));
        }

        if (visited.ExpressionBody is { } arrow)
        {
            return visited.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(ArrowToBlock(arrow, visited.SemicolonToken, returnsValue));
        }

        return visited;
    }

    private static bool ReturnsValue(IMethodSymbol method)
    {
        if (method.ReturnsVoid)
        {
            return false;
        }

        // An async method returning Task or ValueTask has a statement body, not a value.
        return !(method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false } returnType
            && returnType.Name is "Task" or "ValueTask");
    }

    private static BlockSyntax ArrowToBlock(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon, bool returnsValue)
    {
        var statement = BodyStatement(arrow.Expression.WithoutLeadingTrivia(), returnsValue);
        var close = Token(SyntaxKind.CloseBraceToken)
            .WithLeadingTrivia(semicolon.LeadingTrivia.Insert(0, Space))
            .WithTrailingTrivia(semicolon.TrailingTrivia);
        var open = Token(SyntaxKind.OpenBraceToken)
            .WithLeadingTrivia(arrow.ArrowToken.LeadingTrivia)
            .WithTrailingTrivia(arrow.ArrowToken.TrailingTrivia.Add(Space));
        return Block(open, List([EnterCall(), statement]), close);
    }

    private static StatementSyntax BodyStatement(ExpressionSyntax expression, bool returnsValue)
    {
        if (expression is ThrowExpressionSyntax thrown)
        {
            return ThrowStatement(thrown.Expression.WithLeadingTrivia(Space)).WithSemicolonToken(Token(SyntaxKind.SemicolonToken));
        }

        return returnsValue
            ? ReturnStatement(Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(Space), expression, Token(SyntaxKind.SemicolonToken))
            : ExpressionStatement(expression);
    }

    private static AccessorListSyntax GetterOnly(BlockSyntax body) =>
        AccessorList(SingletonList(AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, body)
            .WithKeyword(Token(SyntaxKind.GetKeyword).WithTrailingTrivia(Space))))
        .WithOpenBraceToken(Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(Space))
        .WithCloseBraceToken(Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(Space));

    private static BlockSyntax PrependToBlock(BlockSyntax block, StatementSyntax statement) =>
        block.WithStatements(block.Statements.Insert(0, statement));

    private static StatementSyntax PrependToStatement(StatementSyntax body, StatementSyntax statement)
    {
        if (body is BlockSyntax block)
        {
            return PrependToBlock(block, statement);
        }

        return Block(
                Token(SyntaxKind.OpenBraceToken).WithTrailingTrivia(Space),
                List([statement, body.WithoutLeadingTrivia().WithoutTrailingTrivia()]),
                Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(Space).WithTrailingTrivia(body.GetTrailingTrivia()))
            .WithLeadingTrivia(body.GetLeadingTrivia());
    }

    /// <summary>
    /// A step: on the enclosing function's segment local when its body is synchronous (it never leaves its thread),
    /// otherwise through the thread-static lookup.
    /// </summary>
    private StatementSyntax StepCall()
    {
        if (_functions.TryPeek(out var function) && function.SegmentLocal is { } local)
        {
            function.UsesSegment = true;
            return ExpressionStatement(MeterInvocation("Step", IdentifierName(local))).WithTrailingTrivia(Space);
        }

        return ExpressionStatement(MeterInvocation("Step")).WithTrailingTrivia(Space);
    }

    /// <summary>The entry of a function body: keeps the segment in a local when the body's steps use it.</summary>
    private static StatementSyntax EnterCall(FunctionBody function) =>
        function.UsesSegment && function.SegmentLocal is { } local
            ? LocalDeclarationStatement(VariableDeclaration(
                    IdentifierName(Identifier(TriviaList(), SyntaxKind.VarKeyword, "var", "var", TriviaList(Space))),
                    SingletonSeparatedList(VariableDeclarator(Identifier(local).WithTrailingTrivia(Space))
                        .WithInitializer(EqualsValueClause(MeterInvocation("Enter")).WithEqualsToken(Token(SyntaxKind.EqualsToken).WithTrailingTrivia(Space))))))
                .WithTrailingTrivia(Space)
            : EnterCall();

    private static StatementSyntax EnterCall() => ExpressionStatement(MeterInvocation("Enter")).WithTrailingTrivia(Space);

    /// <summary>Starts a function body; its segment may live in a local when the body cannot move between threads.</summary>
    private FunctionBody BeginFunction(IMethodSymbol? symbol)
    {
        var synchronous = symbol is { IsAsync: false, IsIterator: false };
        var function = new FunctionBody(synchronous ? $"__sandboxSegment{_functions.Count}" : null);
        _functions.Push(function);
        return function;
    }

    private void EndFunction() => _functions.Pop();

    /// <summary>A function body being rewritten: the name of its segment local, if it may have one, and whether a step uses it.</summary>
    private sealed class FunctionBody(string? segmentLocal)
    {
        public string? SegmentLocal { get; } = segmentLocal;

        public bool UsesSegment { get; set; }
    }

    private static ExpressionSyntax ReserveCall(ExpressionSyntax size, int unitSize) =>
        MeterInvocation("Reserve", size.WithoutTrivia(), LiteralExpression(SyntaxKind.NumericLiteralExpression, Literal(unitSize)))
            .WithTriviaFrom(size);

    private static InvocationExpressionSyntax MeterInvocation(string method, params ExpressionSyntax[] arguments) =>
        InvocationExpression(
            ParseExpression($"{MeterType}.{method}"),
            ArgumentList(SeparatedList(arguments.Select(Argument), arguments.Skip(1).Select(_ => Token(SyntaxKind.CommaToken).WithTrailingTrivia(Space)))));

    private static IParameterSymbol? ParameterFor(IMethodSymbol method, ArgumentSyntax argument, int position)
    {
        if (argument.NameColon is { } nameColon)
        {
            return method.Parameters.FirstOrDefault(p => p.Name == nameColon.Name.Identifier.ValueText);
        }

        return position < method.Parameters.Length ? method.Parameters[position] : null;
    }

    private static bool IsCapacity(IParameterSymbol parameter) =>
        s_capacityParameters.Contains(parameter.Name)
        || (parameter.Name == "count" && parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor, ContainingType.SpecialType: SpecialType.System_String });

    private static bool IsFrameworkMember(IMethodSymbol method) =>
        method.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal));

    private static bool IsRegex(IMethodSymbol method) => method.ContainingType?.ToDisplayString() == RegexTypeName;

    private static int EstimateSize(ITypeSymbol type) => type.SpecialType switch
    {
        SpecialType.System_Boolean or SpecialType.System_Byte or SpecialType.System_SByte => 1,
        SpecialType.System_Char or SpecialType.System_Int16 or SpecialType.System_UInt16 => 2,
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single => 4,
        SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Double => 8,
        SpecialType.System_Decimal => 16,
        _ => type.IsValueType ? 16 : 8,
    };
}
