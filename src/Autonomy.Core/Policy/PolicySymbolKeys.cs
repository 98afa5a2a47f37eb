using System.Text;
using Microsoft.CodeAnalysis;

namespace Autonomy.Core.Policy;

/// <summary>
/// The names a symbol is matched by, most specific first: the member, then each containing type, then each
/// enclosing namespace. Generic types are named by their original definition, without arity (<c>System.Threading.Tasks.Task</c>
/// for <c>Task&lt;int&gt;</c>); constructors are <c>Ns.Type..ctor</c>.
/// </summary>
internal static class PolicySymbolKeys
{
    /// <summary>The keys of a type: the type itself, then its containing types, then its namespaces.</summary>
    public static List<string> ForType(INamedTypeSymbol type)
    {
        var keys = new List<string>();
        AddTypeChain(type.OriginalDefinition, keys);
        AddNamespaces(type.OriginalDefinition.ContainingNamespace, keys);
        return keys;
    }

    /// <summary>
    /// The keys of a member. When the member is reached through a receiver of a more derived type, the receiver's names
    /// come before the declaring type's at each level, so that <c>System.Type.Name</c> decides for <c>MemberInfo.Name</c>
    /// read from a <c>Type</c>.
    /// </summary>
    /// <param name="member">The member, as its original definition.</param>
    /// <param name="receiver">The static type of the expression the member is reached through, if any.</param>
    /// <param name="memberKeyCount">How many of the keys, at the start, name the member rather than a type or namespace.</param>
    public static List<string> ForMember(ISymbol member, INamedTypeSymbol? receiver, out int memberKeyCount)
    {
        var declaring = member.ContainingType.OriginalDefinition;
        var via = receiver?.OriginalDefinition;
        if (via is not null && (SymbolEqualityComparer.Default.Equals(via, declaring) || via.TypeKind == TypeKind.Error))
        {
            via = null;
        }

        var keys = new List<string>();
        if (via is not null)
        {
            keys.Add(TypeName(via) + "." + member.Name);
        }

        var declaredKey = TypeName(declaring) + "." + member.Name;
        if (!keys.Contains(declaredKey, StringComparer.Ordinal))
        {
            keys.Add(declaredKey);
        }

        memberKeyCount = keys.Count;
        if (via is not null)
        {
            AddTypeChain(via, keys);
        }

        AddTypeChain(declaring, keys);
        if (via is not null)
        {
            AddNamespaces(via.ContainingNamespace, keys);
        }

        AddNamespaces(declaring.ContainingNamespace, keys);
        return [.. keys.Distinct(StringComparer.Ordinal)];
    }

    /// <summary>A type's full name without arity, nested types joined by dots.</summary>
    public static string TypeName(INamedTypeSymbol type)
    {
        var builder = new StringBuilder(type.Name);
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            builder.Insert(0, '.').Insert(0, outer.Name);
        }

        var ns = NamespaceName(type.ContainingNamespace);
        return ns.Length == 0 ? builder.ToString() : ns + "." + builder;
    }

    /// <summary>A namespace's full name; empty for the global namespace.</summary>
    public static string NamespaceName(INamespaceSymbol? ns) =>
        ns is null || ns.IsGlobalNamespace ? string.Empty : ns.ToDisplayString(SymbolDisplayFormat.CSharpErrorMessageFormat);

    private static void AddTypeChain(INamedTypeSymbol type, List<string> keys)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            keys.Add(TypeName(current));
        }
    }

    private static void AddNamespaces(INamespaceSymbol? ns, List<string> keys)
    {
        for (var current = ns; current is not null && !current.IsGlobalNamespace; current = current.ContainingNamespace)
        {
            keys.Add(NamespaceName(current));
        }
    }
}
