using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Repair.Mutation;

/// <summary>The expression operators: operators, constants, variables, members, calls, arguments, conditions, bounds.</summary>
internal sealed class ExpressionMutator(MutationCatalog catalog, ConditionPool conditions)
{
    /// <summary>Most replacements of one variable, member or method at one site.</summary>
    public const int MaxAlternatives = 8;

    private static readonly string[] s_relational = ["<", "<=", ">", ">=", "==", "!="];
    private static readonly string[] s_arithmetic = ["+", "-", "*", "/", "%"];
    private static readonly string[] s_bitwise = ["&", "|", "^"];
    private static readonly HashSet<string> s_lookupMethods = new(StringComparer.Ordinal)
    {
        "TryGetPropertyValue", "TryGetProperty", "GetProperty", "ContainsKey", "TryGetValue", "Remove", "GetValueOrDefault",
    };

    private readonly SemanticModel _model = catalog.Model;
    private readonly Dictionary<StatementSyntax, ImmutableArray<ISymbol>> _assigned = [];
    private List<string>? _keys;

    public void Run(IReadOnlySet<int> lines)
    {
        foreach (var expression in catalog.Root.DescendantNodes().OfType<ExpressionSyntax>())
        {
            if (!lines.Contains(catalog.LineOf(expression.SpanStart)) || !IsMutable(expression))
            {
                continue;
            }

            switch (expression)
            {
                case BinaryExpressionSyntax binary:
                    Binary(binary);
                    break;
                case LiteralExpressionSyntax literal:
                    Literal(literal);
                    break;
                case PrefixUnaryExpressionSyntax prefix:
                    Prefix(prefix);
                    break;
                case PostfixUnaryExpressionSyntax postfix when postfix.OperatorToken.Text is "++" or "--":
                    Update(postfix, postfix.OperatorToken, postfix.OperatorToken.Text == "++" ? "--" : "++");
                    break;
                case AssignmentExpressionSyntax assignment:
                    CompoundAssignment(assignment);
                    break;
                case IdentifierNameSyntax identifier:
                    Variable(identifier);
                    break;
                case MemberAccessExpressionSyntax member:
                    Member(member);
                    break;
                case InvocationExpressionSyntax invocation:
                    Method(invocation);
                    Swap(invocation, invocation.ArgumentList);
                    break;
                case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList is { } arguments:
                    Swap(creation, arguments);
                    break;
            }

            Condition(expression);
            Bounds(expression);
        }
    }

    /// <summary>
    /// Whether an expression can become a switch between itself and a mutant: a value (not a type, method group or
    /// target-typed literal), read rather than written, outside constant contexts and static initialisers, and not
    /// declaring variables (the schema holds it twice).
    /// </summary>
    private bool IsMutable(ExpressionSyntax expression)
    {
        if (expression is LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or ThrowExpressionSyntax or DeclarationExpressionSyntax
            or CollectionExpressionSyntax or ImplicitObjectCreationExpressionSyntax or InitializerExpressionSyntax or RefExpressionSyntax
            or StackAllocArrayCreationExpressionSyntax or BaseExpressionSyntax or ThisExpressionSyntax or TypeSyntax { Parent: not null } and not IdentifierNameSyntax and not GenericNameSyntax
            or MemberBindingExpressionSyntax or ElementBindingExpressionSyntax or ParenthesizedExpressionSyntax
            || expression.IsKind(SyntaxKind.NullLiteralExpression) || expression.IsKind(SyntaxKind.DefaultLiteralExpression))
        {
            return false;
        }

        switch (expression.Parent)
        {
            case AssignmentExpressionSyntax a when a.Left == expression:
            case PrefixUnaryExpressionSyntax p when p.OperatorToken.Text is "++" or "--" or "&":
            case PostfixUnaryExpressionSyntax:
            case ArgumentSyntax arg when !arg.RefKindKeyword.IsKind(SyntaxKind.None):
            case MemberAccessExpressionSyntax m when m.Name == expression:
            case InvocationExpressionSyntax i when i.Expression == expression:
            case NameColonSyntax or NameEqualsSyntax or QualifiedNameSyntax:
            case ConditionalAccessExpressionSyntax c when c.WhenNotNull == expression:
            case ForStatementSyntax f when f.Incrementors.Contains(expression) || f.Initializers.Contains(expression):
            case TypeArgumentListSyntax:
                return false;
        }

        if (InConstantOrStaticContext(expression))
        {
            return false;
        }

        if (expression.DescendantNodesAndSelf().Any(n => n is DeclarationExpressionSyntax or SingleVariableDesignationSyntax or DeclarationPatternSyntax or VarPatternSyntax))
        {
            return false;
        }

        // A member or element binding (the part after ?.) belongs to its conditional access: the schema cannot split them.
        if (expression.DescendantNodesAndSelf().Any(n => n is MemberBindingExpressionSyntax or ElementBindingExpressionSyntax
            && !n.Ancestors().TakeWhile(a => a != expression).OfType<ConditionalAccessExpressionSyntax>().Any(c => c.WhenNotNull.Span.Contains(n.Span))))
        {
            return false;
        }

        var symbol = _model.GetSymbolInfo(expression).Symbol;
        // A name that binds to a method is a method group; operators and calls bind to methods too, and are values.
        if (symbol is ITypeSymbol or INamespaceSymbol || symbol is IMethodSymbol && expression is SimpleNameSyntax or MemberAccessExpressionSyntax)
        {
            return false;
        }

        var type = _model.GetTypeInfo(expression).Type;
        return type is not null and not IErrorTypeSymbol && type.SpecialType != SpecialType.System_Void && type.TypeKind != TypeKind.Delegate
            && !(expression is InvocationExpressionSyntax && symbol is null);
    }

    private static bool InConstantOrStaticContext(ExpressionSyntax expression)
    {
        foreach (var ancestor in expression.Ancestors())
        {
            switch (ancestor)
            {
                case AttributeSyntax or PatternSyntax or CaseSwitchLabelSyntax or ParameterSyntax or EnumMemberDeclarationSyntax or GotoStatementSyntax:
                    return true;
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    return true;
                case FieldDeclarationSyntax field when field.Modifiers.Any(m => m.IsKind(SyntaxKind.ConstKeyword) || m.IsKind(SyntaxKind.StaticKeyword)):
                    return true;
                case PropertyDeclarationSyntax property when property.Initializer is not null && property.Modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword)):
                    return true;
                case ConstructorDeclarationSyntax ctor when ctor.Modifiers.Any(m => m.IsKind(SyntaxKind.StaticKeyword)):
                    return true;
                case InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "nameof" } }:
                    return true;
                case AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax or BaseMethodDeclarationSyntax or AccessorDeclarationSyntax:
                    // Code in a function body runs per call, even inside a static initialiser.
                    return false;
            }
        }

        return false;
    }

    private void Binary(BinaryExpressionSyntax binary)
    {
        var op = binary.OperatorToken.Text;
        var leftType = _model.GetTypeInfo(binary.Left).Type;
        var rightType = _model.GetTypeInfo(binary.Right).Type;
        var numeric = IsNumeric(leftType, allowChar: true) && IsNumeric(rightType, allowChar: true);
        var arithmetic = IsNumeric(leftType, allowChar: false) && IsNumeric(rightType, allowChar: false);
        IEnumerable<string> alternatives = op switch
        {
            "<" or "<=" or ">" or ">=" => s_relational,
            "==" or "!=" => numeric ? s_relational : ["==", "!="],
            "+" or "-" or "*" or "/" or "%" => arithmetic ? s_arithmetic : [],
            "&&" => ["||"],
            "||" => ["&&"],
            "&" or "|" or "^" => s_bitwise,
            "<<" => [">>"],
            ">>" => ["<<"],
            _ => [],
        };
        foreach (var alternative in alternatives.Where(a => a != op))
        {
            catalog.Replace(MutationKind.OperatorReplacement, binary, MutationCatalog.Rewrite(binary, (binary.OperatorToken.Span, alternative)), $"`{op}` → `{alternative}`");
        }

        if (op is "+" or "-" or "*" or "/" or "%" or "&&" or "||" or "&" or "|" or "??")
        {
            catalog.Replace(MutationKind.RemovedTerm, binary, binary.Left.ToString(), $"`{binary}` → `{binary.Left}`");
            catalog.Replace(MutationKind.RemovedTerm, binary, binary.Right.ToString(), $"`{binary}` → `{binary.Right}`");
        }

        if (op is "-" or "/" or "%" || (op == "+" && !arithmetic))
        {
            var swapped = $"{MutationCatalog.Operand(binary.Right)} {op} {MutationCatalog.Operand(binary.Left)}";
            catalog.Replace(MutationKind.SwappedArguments, binary, swapped, $"operands of `{op}` swapped");
        }
    }

    private void Literal(LiteralExpressionSyntax literal)
    {
        if (literal.IsKind(SyntaxKind.TrueLiteralExpression) || literal.IsKind(SyntaxKind.FalseLiteralExpression))
        {
            var flipped = literal.IsKind(SyntaxKind.TrueLiteralExpression) ? "false" : "true";
            catalog.Replace(MutationKind.ConstantChange, literal, flipped, $"`{literal}` → `{flipped}`");
            return;
        }

        if (literal.IsKind(SyntaxKind.StringLiteralExpression))
        {
            Key(literal);
            return;
        }

        var text = literal.Token.Text;
        if (!literal.IsKind(SyntaxKind.NumericLiteralExpression) || text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("0b", StringComparison.OrdinalIgnoreCase) || text.Contains('e', StringComparison.OrdinalIgnoreCase) || text.Contains('_', StringComparison.Ordinal))
        {
            return;
        }

        var suffix = new string(text.Reverse().TakeWhile(char.IsLetter).Reverse().ToArray());
        var digits = text[..^suffix.Length];
        if (!decimal.TryParse(digits, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) || decimal.Truncate(value) != value)
        {
            return;
        }

        var decimals = digits.Contains('.', StringComparison.Ordinal) ? ".0" : string.Empty;
        foreach (var changed in new[] { value + 1, value - 1 })
        {
            if (changed < 0 && suffix.Contains('u', StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var replacement = changed.ToString("0", CultureInfo.InvariantCulture) + decimals + suffix;
            catalog.Replace(MutationKind.ConstantChange, literal, replacement, $"`{literal}` → `{replacement}`");
        }
    }

    private void Key(LiteralExpressionSyntax literal)
    {
        if (!IsKeyPosition(literal))
        {
            return;
        }

        _keys ??= catalog.Root.DescendantNodes().OfType<LiteralExpressionSyntax>()
            .Where(l => l.IsKind(SyntaxKind.StringLiteralExpression) && IsKeyPosition(l))
            .Select(l => l.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
        foreach (var key in _keys.Where(k => k != literal.ToString()).Take(MaxAlternatives))
        {
            catalog.Replace(MutationKind.KeyReplacement, literal, key, $"key {literal} → {key}");
        }
    }

    private static bool IsKeyPosition(LiteralExpressionSyntax literal) => literal.Parent is ArgumentSyntax { Parent: var list }
        && (list is BracketedArgumentListSyntax
            || list?.Parent is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } } && s_lookupMethods.Contains(name));

    private void Prefix(PrefixUnaryExpressionSyntax prefix)
    {
        switch (prefix.OperatorToken.Text)
        {
            case "!":
                catalog.Replace(MutationKind.Negation, prefix, prefix.Operand.ToString(), $"`{prefix}` → `{prefix.Operand}`");
                break;
            case "-":
                catalog.Replace(MutationKind.RemovedTerm, prefix, prefix.Operand.ToString(), $"`{prefix}` → `{prefix.Operand}`");
                break;
            case "++" or "--":
                Update(prefix, prefix.OperatorToken, prefix.OperatorToken.Text == "++" ? "--" : "++");
                break;
        }
    }

    private void Update(ExpressionSyntax site, SyntaxToken token, string replacement) =>
        catalog.Replace(MutationKind.UpdateReplacement, site, MutationCatalog.Rewrite(site, (token.Span, replacement)), $"`{token.Text}` → `{replacement}`");

    private void CompoundAssignment(AssignmentExpressionSyntax assignment)
    {
        var op = assignment.OperatorToken.Text;
        var alternative = op switch
        {
            "+=" => "-=",
            "-=" => "+=",
            "*=" => "/=",
            "/=" => "*=",
            _ => null,
        };
        if (alternative is not null)
        {
            Update(assignment, assignment.OperatorToken, alternative);
        }
    }

    private void Variable(IdentifierNameSyntax identifier)
    {
        var symbol = _model.GetSymbolInfo(identifier).Symbol;
        if (TypeOf(symbol) is not { } type)
        {
            return;
        }

        var alternatives = _model.LookupSymbols(identifier.SpanStart)
            .Where(s => !SymbolEqualityComparer.Default.Equals(s, symbol) && TypeOf(s) is { } t && SymbolEqualityComparer.Default.Equals(t, type))
            .Where(s => s is not ILocalSymbol || (s.Locations.FirstOrDefault() is not { } location || location.SourceSpan.Start < identifier.SpanStart) && IsAssignedBefore(s, identifier))
            .OrderBy(s => s is ILocalSymbol or IParameterSymbol ? 0 : 1)
            .ThenBy(s => Math.Abs((s.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0) - identifier.SpanStart))
            .Select(s => s.Name)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxAlternatives);
        foreach (var name in alternatives)
        {
            catalog.Replace(MutationKind.VariableReplacement, identifier, name, $"`{identifier}` → `{name}`");
        }
    }

    /// <summary>
    /// Whether a local is definitely assigned on entry to the statement that holds <paramref name="use"/>: the
    /// compiler reports only the first read of an unassigned local, so such mutants would cost a schema build each.
    /// </summary>
    private bool IsAssignedBefore(ISymbol local, SyntaxNode use)
    {
        if (use.FirstAncestorOrSelf<StatementSyntax>(s => s is not BlockSyntax) is not { } statement)
        {
            return true;
        }

        if (!_assigned.TryGetValue(statement, out var assigned))
        {
            try
            {
                assigned = _model.AnalyzeDataFlow(statement) is { Succeeded: true } flow ? flow.DefinitelyAssignedOnEntry : [];
            }
            catch (ArgumentException)
            {
                assigned = [];
            }

            _assigned[statement] = assigned;
        }

        return assigned.Contains(local, SymbolEqualityComparer.Default);
    }

    private void Member(MemberAccessExpressionSyntax member)
    {
        var symbol = _model.GetSymbolInfo(member).Symbol;
        if (symbol is not (IPropertySymbol { IsIndexer: false } or IFieldSymbol) || TypeOf(symbol) is not { } type || symbol.ContainingType is null)
        {
            return;
        }

        var alternatives = AllMembers(symbol.ContainingType)
            .Where(s => s is IPropertySymbol { IsIndexer: false, GetMethod: not null } or IFieldSymbol { IsImplicitlyDeclared: false })
            .Where(s => s.Name != symbol.Name && s.IsStatic == symbol.IsStatic && TypeOf(s) is { } t && SymbolEqualityComparer.Default.Equals(t, type)
                && _model.IsAccessible(member.SpanStart, s))
            .Select(s => s.Name)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxAlternatives);
        foreach (var name in alternatives)
        {
            catalog.Replace(MutationKind.VariableReplacement, member, MutationCatalog.Rewrite(member, (member.Name.Span, name)), $"`{member}` → `.{name}`");
        }
    }

    private void Method(InvocationExpressionSyntax invocation)
    {
        if (_model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || method.MethodKind is not (MethodKind.Ordinary or MethodKind.ReducedExtension))
        {
            return;
        }

        var nameToken = invocation.Expression switch
        {
            MemberAccessExpressionSyntax { Name: var name } => name.Identifier,
            SimpleNameSyntax name => name.Identifier,
            _ => default,
        };
        if (nameToken == default)
        {
            return;
        }

        var definition = method.ReducedFrom ?? method.OriginalDefinition;
        var signature = Signature(definition);
        var alternatives = definition.ContainingType.GetMembers().OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && m.Name != method.Name && m.IsStatic == definition.IsStatic
                && m.Arity == definition.Arity && m.IsExtensionMethod == definition.IsExtensionMethod && Signature(m) == signature
                && _model.IsAccessible(invocation.SpanStart, m))
            .Select(m => m.Name)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxAlternatives + 4);
        foreach (var name in alternatives)
        {
            catalog.Replace(MutationKind.MethodReplacement, invocation, MutationCatalog.Rewrite(invocation, (nameToken.Span, name)), $"`{method.Name}` → `{name}`");
        }
    }

    private void Swap(ExpressionSyntax site, ArgumentListSyntax arguments)
    {
        var list = arguments.Arguments;
        var count = Math.Min(list.Count, 4);
        for (var i = 0; i < count; i++)
        {
            for (var j = i + 1; j < count; j++)
            {
                if (list[i].NameColon is not null || list[j].NameColon is not null || !list[i].RefKindKeyword.IsKind(SyntaxKind.None)
                    || !list[j].RefKindKeyword.IsKind(SyntaxKind.None) || list[i].ToString() == list[j].ToString())
                {
                    continue;
                }

                var text = MutationCatalog.Rewrite(site, (list[i].Span, list[j].ToString()), (list[j].Span, list[i].ToString()));
                catalog.Replace(MutationKind.SwappedArguments, site, text, $"arguments `{list[i]}` and `{list[j]}` swapped");
            }
        }
    }

    private void Condition(ExpressionSyntax expression)
    {
        if (!ConditionPool.IsConditionPosition(expression) || _model.GetTypeInfo(expression).Type?.SpecialType != SpecialType.System_Boolean)
        {
            return;
        }

        if (expression is not PrefixUnaryExpressionSyntax { OperatorToken.Text: "!" })
        {
            catalog.Replace(MutationKind.Negation, expression, "!" + Parenthesised(expression), $"`{expression}` negated");
        }

        // Strengthening and weakening apply to whole conditions, not to every operand of a chain.
        if (expression.Parent is BinaryExpressionSyntax)
        {
            return;
        }

        var own = MutationCatalog.Operand(expression);
        foreach (var condition in conditions.For(expression, catalog))
        {
            var added = condition.Contains("||", StringComparison.Ordinal) || condition.Contains('?', StringComparison.Ordinal) ? "(" + condition + ")" : condition;
            catalog.Replace(MutationKind.ConditionChange, expression, $"{added} && {own}", $"`{expression}` strengthened with `{condition}` first");
            catalog.Replace(MutationKind.ConditionChange, expression, $"{own} && {added}", $"`{expression}` strengthened with `{condition}`");
            catalog.Replace(MutationKind.ConditionChange, expression, $"{own} || {added}", $"`{expression}` weakened with `{condition}`");
        }
    }

    /// <summary>Off-by-one on integer reads that bound loops, index or count; and clamping of numeric arguments and results.</summary>
    private void Bounds(ExpressionSyntax expression)
    {
        if (expression is LiteralExpressionSyntax or not (IdentifierNameSyntax or MemberAccessExpressionSyntax or InvocationExpressionSyntax or ElementAccessExpressionSyntax or BinaryExpressionSyntax))
        {
            return;
        }

        var type = _model.GetTypeInfo(expression).Type;
        var bounding = expression.Parent is BinaryExpressionSyntax parent && s_relational.Contains(parent.OperatorToken.Text)
            || expression.Parent is ArgumentSyntax { Parent: BracketedArgumentListSyntax or ArgumentListSyntax };
        if (expression is not BinaryExpressionSyntax && bounding && type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64)
        {
            catalog.Replace(MutationKind.OffByOne, expression, expression + " + 1", $"`{expression}` → `{expression} + 1`");
            catalog.Replace(MutationKind.OffByOne, expression, expression + " - 1", $"`{expression}` → `{expression} - 1`");
        }

        var valueUse = expression.Parent is ArgumentSyntax or ReturnStatementSyntax or EqualsValueClauseSyntax
            || expression.Parent is AssignmentExpressionSyntax { Right: var right } && right == expression;
        if (valueUse && IsNumeric(type, allowChar: false))
        {
            catalog.Replace(MutationKind.Clamp, expression, $"global::System.Math.Max(0, {expression})", $"`{expression}` clamped at 0");
            foreach (var other in _model.LookupSymbols(expression.SpanStart).Where(s => s is ILocalSymbol or IParameterSymbol && TypeOf(s) is { } t
                && SymbolEqualityComparer.Default.Equals(t, type) && !expression.ToString().Contains(s.Name, StringComparison.Ordinal)
                && (s is not ILocalSymbol || IsAssignedBefore(s, expression))).Take(2))
            {
                catalog.Replace(MutationKind.Clamp, expression, $"global::System.Math.Min({expression}, {other.Name})", $"`{expression}` capped at `{other.Name}`");
                catalog.Replace(MutationKind.Clamp, expression, $"global::System.Math.Max({expression}, {other.Name})", $"`{expression}` raised to `{other.Name}`");
            }
        }
    }

    private static string Parenthesised(ExpressionSyntax expression) =>
        expression is IdentifierNameSyntax or InvocationExpressionSyntax or MemberAccessExpressionSyntax or ParenthesizedExpressionSyntax or LiteralExpressionSyntax
            ? expression.ToString()
            : "(" + expression + ")";

    private static ITypeSymbol? TypeOf(ISymbol? symbol) => symbol switch
    {
        ILocalSymbol l => l.Type,
        IParameterSymbol p => p.Type,
        IFieldSymbol f => f.Type,
        IPropertySymbol { IsIndexer: false } p => p.Type,
        _ => null,
    };

    private static IEnumerable<ISymbol> AllMembers(INamedTypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var member in current.GetMembers())
            {
                yield return member;
            }
        }
    }

    private static bool IsNumeric(ITypeSymbol? type, bool allowChar) => type?.SpecialType switch
    {
        SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Decimal or SpecialType.System_Single
            or SpecialType.System_Int16 or SpecialType.System_Byte or SpecialType.System_UInt32 or SpecialType.System_UInt64 => true,
        SpecialType.System_Char => allowChar,
        _ => false,
    };

    private static string Signature(IMethodSymbol method) =>
        string.Join(",", method.Parameters.Select(p => p.RefKind + " " + TypeKey(p.Type))) + "->" + TypeKey(method.ReturnType);

    private static string TypeKey(ITypeSymbol type) => type switch
    {
        ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } parameter => "!!" + parameter.Ordinal.ToString(CultureInfo.InvariantCulture),
        INamedTypeSymbol { IsGenericType: true } named => named.OriginalDefinition.ToDisplayString() + "[" + string.Join(",", named.TypeArguments.Select(TypeKey)) + "]",
        IArrayTypeSymbol array => TypeKey(array.ElementType) + "[]",
        _ => type.ToDisplayString(),
    };
}
