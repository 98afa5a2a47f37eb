using System.Collections.Frozen;

namespace Autonomy.Core.Policy;

/// <summary>
/// The language constructs a rule can forbid by name in its <c>constructs</c> list. They are syntax, not APIs, so
/// the checker recognises them itself; a rule set decides which rule, if any, forbids each one.
/// </summary>
public static class PolicyConstruct
{
    /// <summary>An <c>unsafe</c> modifier or block.</summary>
    public const string Unsafe = "unsafe";

    /// <summary>A pointer type such as <c>int*</c>.</summary>
    public const string Pointer = "pointer";

    /// <summary>A function pointer type such as <c>delegate*&lt;void&gt;</c>.</summary>
    public const string FunctionPointer = "function-pointer";

    /// <summary>A <c>fixed</c> statement or fixed-size buffer.</summary>
    public const string Fixed = "fixed";

    /// <summary>A <c>stackalloc</c> expression.</summary>
    public const string StackAlloc = "stackalloc";

    /// <summary>An <c>extern</c> member (native or runtime-provided code).</summary>
    public const string Extern = "extern";

    /// <summary>The undocumented <c>__makeref</c> keyword.</summary>
    public const string MakeRef = "__makeref";

    /// <summary>The undocumented <c>__reftype</c> keyword.</summary>
    public const string RefType = "__reftype";

    /// <summary>The undocumented <c>__refvalue</c> keyword.</summary>
    public const string RefValue = "__refvalue";

    /// <summary>The undocumented <c>__arglist</c> keyword.</summary>
    public const string ArgList = "__arglist";

    /// <summary>The <c>dynamic</c> type, which binds members by reflection at run time.</summary>
    public const string Dynamic = "dynamic";

    /// <summary>A finalizer (<c>~T()</c>).</summary>
    public const string Finalizer = "finalizer";

    /// <summary>An <c>async</c> method, local function or lambda that returns <see langword="void"/>.</summary>
    public const string AsyncVoid = "async-void";

    private static readonly FrozenDictionary<string, string> s_descriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Unsafe] = "Unsafe code",
        [Pointer] = "A pointer type",
        [FunctionPointer] = "A function pointer type",
        [Fixed] = "A fixed statement or fixed-size buffer",
        [StackAlloc] = "stackalloc",
        [Extern] = "An extern member",
        [MakeRef] = "__makeref",
        [RefType] = "__reftype",
        [RefValue] = "__refvalue",
        [ArgList] = "__arglist",
        [Dynamic] = "The dynamic type",
        [Finalizer] = "A finalizer",
        [AsyncVoid] = "async void",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Every construct name a rule may list.</summary>
    public static IReadOnlyCollection<string> All => s_descriptions.Keys;

    /// <summary>Whether <paramref name="construct"/> is a known construct name.</summary>
    public static bool IsKnown(string construct) => s_descriptions.ContainsKey(construct);

    /// <summary>How a violation message names the construct, such as <c>Unsafe code</c>.</summary>
    public static string Describe(string construct) =>
        s_descriptions.TryGetValue(construct, out var description) ? description : construct;
}
