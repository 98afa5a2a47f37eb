using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autonomy.Core.Verification;

/// <summary>
/// Finds what may make a tool answer the same input differently on two runs: random numbers, new GUIDs, the
/// clock (<c>context.Now</c>, <c>context.Time</c>; the policy already denies the system clock) and elapsed-time
/// measurement. Syntax only, so it is fast and needs no compilation; it can over-report (a field named
/// <c>Random</c>), which only makes shadow testing learn noise it did not need to.
/// </summary>
public static class DeterminismScanner
{
    private static readonly Dictionary<string, string> TypeNames = new(StringComparer.Ordinal)
    {
        ["Random"] = "System.Random",
        ["RandomNumberGenerator"] = "System.Security.Cryptography.RandomNumberGenerator",
        ["Stopwatch"] = "System.Diagnostics.Stopwatch",
    };

    /// <summary>The constructs found in <paramref name="source"/>, in source order, one per construct and line.</summary>
    public static IReadOnlyList<NondeterminismSource> Scan(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        var found = new List<NondeterminismSource>();
        foreach (var node in root.DescendantNodes())
        {
            var what = node switch
            {
                IdentifierNameSyntax id when TypeNames.TryGetValue(id.Identifier.ValueText, out var type) && !IsMemberName(id) => type,
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "NewGuid" or "CreateVersion7" } access
                    when access.Expression.ToString().EndsWith("Guid", StringComparison.Ordinal) => "Guid." + access.Name.Identifier.ValueText,
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Now" or "Time" } access
                    when access.Expression is IdentifierNameSyntax { Identifier.ValueText: var receiver } && IsContext(receiver) => "context." + access.Name.Identifier.ValueText,
                MemberAccessExpressionSyntax { Name.Identifier.ValueText: "Shared" } access
                    when access.Expression.ToString().EndsWith("Random", StringComparison.Ordinal) => "Random.Shared",
                _ => null,
            };
            if (what is not null)
            {
                var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                if (!found.Any(f => f.Line == line && f.What == what))
                {
                    found.Add(new NondeterminismSource(what, line));
                }
            }
        }

        return found;
    }

    // `x.Random` names a member, not the type; `Random.Shared` is reported once, as Random.Shared.
    private static bool IsMemberName(IdentifierNameSyntax id) =>
        id.Parent is MemberAccessExpressionSyntax access && (access.Name == id || access.Name.Identifier.ValueText == "Shared");

    private static bool IsContext(string receiver) =>
        receiver.Equals("context", StringComparison.OrdinalIgnoreCase) || receiver.EndsWith("Context", StringComparison.Ordinal) || receiver == "ctx";
}
