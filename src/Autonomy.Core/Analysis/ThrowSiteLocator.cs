using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Analysis;

/// <summary>
/// Finds, with Roslyn's syntax tree, the expression on a tool's source line that throws a given exception: a
/// parse call for <see cref="FormatException"/>, an indexer for a missing key, a substring or index for an
/// out-of-range argument, a null-forgiving or member access for a null reference, a division for a zero divisor,
/// <c>First</c>/<c>Single</c>/<c>Max</c> for an empty sequence. Falls back to the line's outermost invocation, then
/// to the statement.
/// </summary>
public static class ThrowSiteLocator
{
    private static readonly HashSet<string> ParseMethods = new(StringComparer.Ordinal)
    {
        "Parse", "ParseExact", "ToInt32", "ToInt64", "ToDouble", "ToDecimal", "ToDateTime", "ToBoolean", "ToByte", "ToInt16", "Format",
    };

    private static readonly HashSet<string> SequenceMethods = new(StringComparer.Ordinal)
    {
        "First", "Last", "Single", "Max", "Min", "Average", "Aggregate", "ElementAt",
    };

    private static readonly HashSet<string> RangeMethods = new(StringComparer.Ordinal)
    {
        "Substring", "ElementAt", "Remove", "Insert", "RemoveAt", "GetRange", "CopyTo", "Slice", "PadLeft", "PadRight",
    };

    /// <summary>The throw site on <paramref name="line"/>, or null when the line is not in the source.</summary>
    /// <param name="source">The tool's source.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="exceptionType">The exception's full type name.</param>
    /// <param name="message">The exception's message, or null.</param>
    public static ThrowSite? Locate(string source, int line, string? exceptionType, string? message)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tree = CSharpSyntaxTree.ParseText(source);
        var text = tree.GetText();
        if (line < 1 || line > text.Lines.Count)
        {
            return null;
        }

        var span = text.Lines[line - 1].Span;
        var root = tree.GetRoot();
        var nodes = root.DescendantNodes(span)
            .Where(n => n is ExpressionSyntax && span.Contains(n.Span.Start))
            .ToList();
        var statement = root.DescendantNodes(span).OfType<StatementSyntax>().LastOrDefault(s => s.Span.Start <= span.End && s.Span.End >= span.Start);
        var member = (SyntaxNode?)nodes.FirstOrDefault() ?? statement;
        var memberName = member is null ? null : EnclosingMember(member);
        var lineText = text.ToString(span).Trim();

        var (node, explanation) = Pick(nodes, exceptionType, message);
        if (node is null)
        {
            if (statement is null)
            {
                return new ThrowSite(line, lineText, memberName, "Unknown", lineText, Generic(exceptionType));
            }

            node = statement;
            explanation = Generic(exceptionType);
        }

        return new ThrowSite(line, lineText, memberName, node.Kind().ToString(), Shorten(node.ToString()), explanation);
    }

    private static (SyntaxNode? Node, string Explanation) Pick(List<SyntaxNode> nodes, string? exceptionType, string? message)
    {
        var invocations = nodes.OfType<InvocationExpressionSyntax>().ToList();
        switch (exceptionType)
        {
            case "System.FormatException":
                if (invocations.FirstOrDefault(i => ParseMethods.Contains(MethodName(i))) is { } parse)
                {
                    return (parse, $"`{MethodName(parse)}` throws FormatException when the text is not in a format it was given; inputs in any other layout fail here");
                }

                break;
            case "System.Collections.Generic.KeyNotFoundException":
                if (nodes.OfType<ElementAccessExpressionSyntax>().FirstOrDefault() is { } lookup)
                {
                    return (lookup, $"the indexer `{Shorten(lookup.ToString())}` throws KeyNotFoundException for a key the table does not hold; `TryGetValue` would let the tool answer instead");
                }

                break;
            case "System.ArgumentOutOfRangeException":
            case "System.IndexOutOfRangeException":
                if (invocations.FirstOrDefault(i => RangeMethods.Contains(MethodName(i))) is { } range)
                {
                    return (range, $"`{MethodName(range)}` is called with an index or length past the end of its target for some inputs (an off-by-one bound?)");
                }

                if (nodes.OfType<ElementAccessExpressionSyntax>().FirstOrDefault() is { } index)
                {
                    return (index, $"the index in `{Shorten(index.ToString())}` falls outside the collection for some inputs");
                }

                break;
            case "System.NullReferenceException":
            case "System.ArgumentNullException":
                if (nodes.OfType<PostfixUnaryExpressionSyntax>().FirstOrDefault(p => p.IsKind(SyntaxKind.SuppressNullableWarningExpression)) is { } forgiving)
                {
                    return (forgiving, $"`{Shorten(forgiving.ToString())}` asserts a value that is null for some inputs (an optional field read as if it were required?)");
                }

                if (nodes.FirstOrDefault(n => n is MemberAccessExpressionSyntax or ElementAccessExpressionSyntax) is { } access)
                {
                    return (access, $"`{Shorten(access.ToString())}` dereferences a value that is null for some inputs");
                }

                break;
            case "System.DivideByZeroException":
                if (nodes.OfType<BinaryExpressionSyntax>().FirstOrDefault(b => b.IsKind(SyntaxKind.DivideExpression) || b.IsKind(SyntaxKind.ModuloExpression)) is { } division)
                {
                    return (division, $"`{Shorten(division.ToString())}` divides by a value that is zero for some inputs");
                }

                break;
            case "System.InvalidOperationException" when message?.Contains("Sequence contains no", StringComparison.Ordinal) == true:
                if (invocations.FirstOrDefault(i => SequenceMethods.Contains(MethodName(i))) is { } sequence)
                {
                    return (sequence, $"`{MethodName(sequence)}` throws on an empty sequence, which some inputs produce");
                }

                break;
            case "System.OverflowException":
                if (invocations.FirstOrDefault(i => ParseMethods.Contains(MethodName(i))) is { } conversion)
                {
                    return (conversion, $"`{MethodName(conversion)}` overflows its type for large inputs");
                }

                break;
            default:
                break;
        }

        // The outermost invocation on the line: the call the statement is about.
        return invocations.FirstOrDefault() is { } call
            ? (call, $"the call `{MethodName(call)}` on this line throws {ShortType(exceptionType)}")
            : (null, Generic(exceptionType));
    }

    private static string Generic(string? exceptionType) => $"this line throws {ShortType(exceptionType)}";

    private static string ShortType(string? exceptionType) =>
        exceptionType is null ? "an exception" : exceptionType[(exceptionType.LastIndexOf('.') + 1)..];

    private static string MethodName(InvocationExpressionSyntax invocation) => invocation.Expression switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => invocation.Expression.ToString(),
    };

    private static string? EnclosingMember(SyntaxNode node)
    {
        foreach (var ancestor in node.AncestorsAndSelf())
        {
            switch (ancestor)
            {
                case LocalFunctionStatementSyntax local:
                    return local.Identifier.ValueText;
                case MethodDeclarationSyntax method:
                    return method.Identifier.ValueText;
                case PropertyDeclarationSyntax property:
                    return property.Identifier.ValueText;
                case ConstructorDeclarationSyntax constructor:
                    return constructor.Identifier.ValueText;
                default:
                    break;
            }
        }

        return null;
    }

    private static string Shorten(string text)
    {
        var single = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return single.Length <= 160 ? single : string.Concat(single.AsSpan(0, 160), "…");
    }
}
