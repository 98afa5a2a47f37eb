using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Repair.Templates;

/// <summary>Syntax and symbol helpers the templates share.</summary>
internal static class SyntaxFacts
{
    /// <summary>The top of the access chain (member access, element access, invocation, <c>!</c>) that <paramref name="node"/> is the receiver of.</summary>
    public static ExpressionSyntax ChainTop(ExpressionSyntax node)
    {
        var current = node;
        while (true)
        {
            switch (current.Parent)
            {
                case MemberAccessExpressionSyntax member when member.Expression == current:
                    current = member;
                    break;
                case ElementAccessExpressionSyntax element when element.Expression == current:
                    current = element;
                    break;
                case InvocationExpressionSyntax invocation when invocation.Expression == current:
                    current = invocation;
                    break;
                case PostfixUnaryExpressionSyntax postfix when postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression):
                    current = postfix;
                    break;
                case ConditionalAccessExpressionSyntax conditional when conditional.Expression == current || conditional.WhenNotNull == current:
                    current = conditional;
                    break;
                default:
                    return current;
            }
        }
    }

    /// <summary>The string keys of the element accesses in an expression, in source order (<c>input["a"]["b"]</c> gives a, b).</summary>
    public static IReadOnlyList<string> FieldPath(ExpressionSyntax expression) =>
        expression.DescendantNodesAndSelf()
            .Select(n => n switch
            {
                ElementAccessExpressionSyntax e => e.ArgumentList.Arguments,
                ElementBindingExpressionSyntax b => b.ArgumentList.Arguments,
                _ => default(SeparatedSyntaxList<ArgumentSyntax>?),
            })
            .Where(a => a is { Count: 1 } && a.Value[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression))
            .Select(a => ((LiteralExpressionSyntax)a!.Value[0].Expression).Token.ValueText)
            .ToList();

    /// <summary>The method name an invocation calls.</summary>
    public static string MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => invocation.Expression.ToString(),
    };

    /// <summary>Whether evaluating an expression twice is safe (no calls, no assignments).</summary>
    public static bool IsPure(ExpressionSyntax expression) =>
        !expression.DescendantNodesAndSelf().Any(n => n is InvocationExpressionSyntax or AssignmentExpressionSyntax or ObjectCreationExpressionSyntax
            or PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PostIncrementExpression or (int)SyntaxKind.PostDecrementExpression }
            or PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.PreIncrementExpression or (int)SyntaxKind.PreDecrementExpression });

    /// <summary>A short human name for what an expression holds ("code", "precision"), for error messages.</summary>
    public static string Describe(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        _ when FieldPath(expression) is { Count: > 0 } path => path[^1],
        _ => "value",
    };

    /// <summary>A JSON default value as a C# literal of <paramref name="type"/>, or null when it does not fit.</summary>
    public static string? DefaultLiteral(JsonNode? value, ITypeSymbol type)
    {
        if (value is not JsonValue json)
        {
            return null;
        }

        var underlying = type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;
        switch (underlying.SpecialType)
        {
            case SpecialType.System_String when json.TryGetValue<string>(out var text):
                return ToolDocument.Literal(text);
            case SpecialType.System_Boolean when json.TryGetValue<bool>(out var flag):
                return flag ? "true" : "false";
            case SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Int16 or SpecialType.System_Byte
                when json.TryGetValue<long>(out var whole):
                return whole.ToString(CultureInfo.InvariantCulture) + (underlying.SpecialType == SpecialType.System_Int64 ? "L" : string.Empty);
            case SpecialType.System_Double when json.TryGetValue<double>(out var real):
                var digits = real.ToString("R", CultureInfo.InvariantCulture);
                return digits.Contains('.', StringComparison.Ordinal) || digits.Contains('E', StringComparison.Ordinal) ? digits : digits + ".0";
            case SpecialType.System_Single when json.TryGetValue<double>(out var single):
                return single.ToString("R", CultureInfo.InvariantCulture) + "f";
            case SpecialType.System_Decimal when json.TryGetValue<decimal>(out var money):
                return money.ToString(CultureInfo.InvariantCulture) + "m";
            default:
                return null;
        }
    }

    /// <summary>The type's name as written at a position.</summary>
    public static string Display(ITypeSymbol type, SemanticModel model, int position) => type.ToMinimalDisplayString(model, position);

    /// <summary>Whether a type is a value type that is not <see cref="Nullable{T}"/>.</summary>
    public static bool IsPlainValueType(ITypeSymbol type) =>
        type.IsValueType && type is not INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T };
}
