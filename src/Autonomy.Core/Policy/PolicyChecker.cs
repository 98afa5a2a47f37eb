using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Autonomy.Core.Policy;

/// <summary>One run of <see cref="ToolPolicy"/> over one syntax tree.</summary>
internal sealed class PolicyChecker(PolicyRuleSet rules, SemanticModel model)
{
    private const string CtorSuffix = "..ctor";

    private readonly PolicyRuleSet _rules = rules;
    private readonly SemanticModel _model = model;
    private readonly List<PolicyViolation> _violations = [];
    private readonly HashSet<(int Position, string Rule, string Api)> _seen = [];

    public IReadOnlyList<PolicyViolation> Run()
    {
        var root = _model.SyntaxTree.GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            switch (node)
            {
                case SimpleNameSyntax name:
                    CheckName(name);
                    break;
                case ObjectCreationExpressionSyntax creation:
                    CheckCreation(creation, creation.NewKeyword, creation.Type);
                    break;
                case ImplicitObjectCreationExpressionSyntax creation:
                    CheckCreation(creation, creation.NewKeyword, explicitType: null);
                    break;
                case BaseNamespaceDeclarationSyntax declaration:
                    CheckNamespaceDeclaration(declaration);
                    break;
                case PointerTypeSyntax pointer:
                    ReportConstruct(PolicyConstruct.Pointer, pointer.GetLocation());
                    break;
                case FunctionPointerTypeSyntax functionPointer:
                    ReportConstruct(PolicyConstruct.FunctionPointer, functionPointer.GetLocation());
                    break;
                case DestructorDeclarationSyntax destructor:
                    ReportConstruct(PolicyConstruct.Finalizer, destructor.TildeToken.GetLocation(), $"The finalizer ~{destructor.Identifier.ValueText}()");
                    break;
                case MethodDeclarationSyntax method:
                    CheckAsyncVoid(method.Modifiers, method.ReturnType);
                    break;
                case LocalFunctionStatementSyntax local:
                    CheckAsyncVoid(local.Modifiers, local.ReturnType);
                    break;
                case AnonymousFunctionExpressionSyntax function when function.AsyncKeyword.IsKind(SyntaxKind.AsyncKeyword):
                    if (_model.GetSymbolInfo(function).Symbol is IMethodSymbol { ReturnsVoid: true })
                    {
                        ReportConstruct(PolicyConstruct.AsyncVoid, function.AsyncKeyword.GetLocation(), "An async lambda converted to a void-returning delegate");
                    }

                    break;
                default:
                    break;
            }
        }

        foreach (var token in root.DescendantTokens())
        {
            CheckKeyword(token);
        }

        return [.. _violations.OrderBy(v => v.Line).ThenBy(v => v.Column).ThenBy(v => v.Rule, StringComparer.Ordinal).ThenBy(v => v.Api, StringComparer.Ordinal)];
    }

    private void CheckName(SimpleNameSyntax name)
    {
        if (name.IsVar || IsInsideNameOf(name))
        {
            return;
        }

        var symbol = Bind(name);
        switch (symbol)
        {
            case IAliasSymbol:
            case null:
                return;
            case ITypeSymbol { TypeKind: TypeKind.Dynamic }:
                ReportConstruct(PolicyConstruct.Dynamic, name.GetLocation());
                return;
            case INamedTypeSymbol type:
                // A type that qualifies a member or nested type is judged by what it qualifies, whose keys include it,
                // so that Environment.NewLine is allowed while Environment.Exit is named once, as itself.
                if (!QualifiesBoundName(name))
                {
                    CheckType(type, name.GetLocation());
                }

                return;
            case IMethodSymbol { MethodKind: MethodKind.Constructor } constructor:
                // The name of an attribute binds to the attribute's constructor.
                CheckConstructor(constructor, name.GetLocation(), typeIsReported: false);
                return;
            case IMethodSymbol { MethodKind: MethodKind.LocalFunction or MethodKind.AnonymousFunction }:
                return;
            case IMethodSymbol method:
                CheckMember(method.ReducedFrom ?? method, method.ReducedFrom is null ? ReceiverType(name) : null, name.GetLocation());
                return;
            case IPropertySymbol or IFieldSymbol or IEventSymbol:
                CheckMember(symbol, ReceiverType(name), name.GetLocation());
                return;
            default:
                return;
        }
    }

    private void CheckCreation(ExpressionSyntax creation, SyntaxToken newKeyword, TypeSyntax? explicitType)
    {
        var info = _model.GetSymbolInfo(creation);
        var constructor = (info.Symbol ?? info.CandidateSymbols.FirstOrDefault()) as IMethodSymbol;
        if (constructor is { MethodKind: MethodKind.Constructor, ContainingType: not null })
        {
            // With an explicit type, the type's name is checked as a name; the constructor adds a violation only
            // when an entry for the constructor itself denies it.
            var typeIsReported = explicitType is not null && !_rules.Resolve(PolicySymbolKeys.ForType(constructor.ContainingType)).IsAllowed;
            CheckConstructor(constructor, newKeyword.GetLocation(), typeIsReported);
        }
        else if (explicitType is null && _model.GetTypeInfo(creation).Type is INamedTypeSymbol type)
        {
            CheckType(type, newKeyword.GetLocation());
        }
    }

    private void CheckNamespaceDeclaration(BaseNamespaceDeclarationSyntax declaration)
    {
        // Declaring a namespace such as Autonomy.Tools.Sandbox would let the tool's own types stand in for the host's.
        if (_model.GetDeclaredSymbol(declaration) is not INamespaceSymbol ns)
        {
            return;
        }

        var name = PolicySymbolKeys.NamespaceName(ns);
        var decision = _rules.Resolve(name);
        if (!decision.IsAllowed)
        {
            Report(decision.Rule!, name, $"Declaring the namespace {name} is not allowed: {decision.Rule!.Description}", declaration.Name.GetLocation());
        }
    }

    private void CheckType(INamedTypeSymbol type, Location location)
    {
        if (type.TypeKind == TypeKind.Error)
        {
            return;
        }

        var keys = PolicySymbolKeys.ForType(type);
        var decision = _rules.Resolve(keys);
        if (!decision.IsAllowed)
        {
            ReportApi(decision.Rule!, keys[0], location);
        }
    }

    private void CheckConstructor(IMethodSymbol constructor, Location location, bool typeIsReported)
    {
        var type = constructor.ContainingType.OriginalDefinition;
        if (type.TypeKind == TypeKind.Error)
        {
            return;
        }

        var keys = PolicySymbolKeys.ForType(type);
        var ctorKey = keys[0] + CtorSuffix;
        keys.Insert(0, ctorKey);
        var decision = _rules.Resolve(keys);
        var decidedByConstructor = string.Equals(decision.Entry, ctorKey, StringComparison.Ordinal);
        if (!decision.IsAllowed && (decidedByConstructor || !typeIsReported))
        {
            ReportApi(decision.Rule!, decidedByConstructor ? ctorKey : keys[1], location);
        }
    }

    private void CheckMember(ISymbol member, INamedTypeSymbol? receiver, Location location)
    {
        member = member.OriginalDefinition;
        if (member.ContainingType is null || member.ContainingType.TypeKind == TypeKind.Error)
        {
            return;
        }

        var keys = PolicySymbolKeys.ForMember(member, receiver, out var memberKeyCount);
        var decision = _rules.Resolve(keys);
        if (decision.IsAllowed)
        {
            return;
        }

        var decidedByMember = keys.Take(memberKeyCount).Contains(decision.Entry, StringComparer.Ordinal);
        ReportApi(decision.Rule!, decidedByMember ? decision.Entry! : keys[0], location);
    }

    private void CheckAsyncVoid(SyntaxTokenList modifiers, TypeSyntax returnType)
    {
        var asyncKeyword = modifiers.FirstOrDefault(m => m.IsKind(SyntaxKind.AsyncKeyword));
        if (asyncKeyword.IsKind(SyntaxKind.AsyncKeyword) && returnType is PredefinedTypeSyntax { Keyword.RawKind: (int)SyntaxKind.VoidKeyword })
        {
            ReportConstruct(PolicyConstruct.AsyncVoid, asyncKeyword.GetLocation(), "An async void method");
        }
    }

    private void CheckKeyword(SyntaxToken token)
    {
        var construct = token.Kind() switch
        {
            SyntaxKind.UnsafeKeyword => PolicyConstruct.Unsafe,
            SyntaxKind.FixedKeyword => PolicyConstruct.Fixed,
            SyntaxKind.StackAllocKeyword => PolicyConstruct.StackAlloc,
            SyntaxKind.ExternKeyword when !token.Parent.IsKind(SyntaxKind.ExternAliasDirective) => PolicyConstruct.Extern,
            SyntaxKind.MakeRefKeyword => PolicyConstruct.MakeRef,
            SyntaxKind.RefTypeKeyword => PolicyConstruct.RefType,
            SyntaxKind.RefValueKeyword => PolicyConstruct.RefValue,
            SyntaxKind.ArgListKeyword => PolicyConstruct.ArgList,
            _ => null,
        };
        if (construct is not null)
        {
            ReportConstruct(construct, token.GetLocation());
        }
    }

    private ISymbol? Bind(SimpleNameSyntax name)
    {
        var info = _model.GetSymbolInfo(name);
        return info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
    }

    private bool QualifiesBoundName(SimpleNameSyntax name)
    {
        // In System.IO.File.ReadAllText the qualifier of ReadAllText is System.IO.File, whose right-most name is File.
        SyntaxNode qualifier = name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => access,
            QualifiedNameSyntax qualifiedName when qualifiedName.Right == name => qualifiedName,
            AliasQualifiedNameSyntax aliasQualified when aliasQualified.Name == name => aliasQualified,
            _ => name,
        };
        SimpleNameSyntax? qualified = qualifier.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Expression == qualifier => access.Name,
            QualifiedNameSyntax qualifiedName when qualifiedName.Left == qualifier => qualifiedName.Right,
            _ => null,
        };
        return qualified is not null && Bind(qualified) is not null;
    }

    /// <summary>The static type of the expression a member is reached through, or <see langword="null"/> for implicit <c>this</c>.</summary>
    private INamedTypeSymbol? ReceiverType(SimpleNameSyntax name)
    {
        ExpressionSyntax? receiver = name.Parent switch
        {
            MemberAccessExpressionSyntax access when access.Name == name => access.Expression,
            MemberBindingExpressionSyntax binding => ConditionalReceiver(binding),
            _ => null,
        };
        if (receiver is null)
        {
            return null;
        }

        var type = _model.GetTypeInfo(receiver).Type;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type as INamedTypeSymbol;
    }

    private static ExpressionSyntax? ConditionalReceiver(MemberBindingExpressionSyntax binding)
    {
        foreach (var access in binding.Ancestors().OfType<ConditionalAccessExpressionSyntax>())
        {
            if (access.WhenNotNull.Span.Contains(binding.Span))
            {
                return access.Expression;
            }
        }

        return null;
    }

    private bool IsInsideNameOf(SyntaxNode node)
    {
        foreach (var invocation in node.Ancestors().OfType<InvocationExpressionSyntax>())
        {
            if (invocation.Expression is IdentifierNameSyntax { Identifier.ValueText: "nameof" }
                && invocation.ArgumentList.Span.Contains(node.Span)
                && _model.GetOperation(invocation) is INameOfOperation)
            {
                return true;
            }
        }

        return false;
    }

    private void ReportApi(PolicyRule rule, string api, Location location) =>
        Report(rule, api, $"{api} is not allowed: {rule.Description}", location);

    private void ReportConstruct(string construct, Location location, string? display = null)
    {
        var rule = _rules.RuleForConstruct(construct);
        if (rule is not null)
        {
            Report(rule, construct, $"{display ?? PolicyConstruct.Describe(construct)} is not allowed: {rule.Description}", location);
        }
    }

    private void Report(PolicyRule rule, string api, string message, Location location)
    {
        if (!_seen.Add((location.SourceSpan.Start, rule.Id, api)))
        {
            return;
        }

        var position = location.GetLineSpan().StartLinePosition;
        _violations.Add(new PolicyViolation(rule.Id, api, message, position.Line + 1, position.Character + 1));
    }
}
