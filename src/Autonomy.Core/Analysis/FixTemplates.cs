namespace Autonomy.Core.Analysis;

/// <summary>
/// The keys of the repair engine's fix templates, and which exception each answers. The investigation names one
/// for the improvement engine; the engine owns what each template does.
/// </summary>
public static class FixTemplates
{
    /// <summary>Null guards, null-conditional access and documented defaults, for <see cref="NullReferenceException"/>.</summary>
    public const string NullGuard = "null-guard";

    /// <summary><c>TryGetValue</c> / <c>TryGetProperty</c> instead of an indexer, for a missing key.</summary>
    public const string TryGetValue = "try-get-value";

    /// <summary>A bounds check before an index, a substring or a range.</summary>
    public const string BoundsCheck = "bounds-check";

    /// <summary><c>TryParse</c>/<c>TryParseExact</c> with the invariant culture and the formats the failing inputs use.</summary>
    public const string ParseFormats = "parse-formats";

    /// <summary>A guard against a zero divisor.</summary>
    public const string ZeroGuard = "zero-guard";

    /// <summary><c>FirstOrDefault</c> and friends with a fallback, for an empty sequence.</summary>
    public const string EmptySequence = "empty-sequence";

    /// <summary><c>checked</c> arithmetic or a wider type, for an overflow.</summary>
    public const string Overflow = "overflow";

    /// <summary>A check of a JSON value's kind before reading it as a type, for a value of the wrong type.</summary>
    public const string TypeCheck = "type-check";

    /// <summary>The template for an exception type thrown at a site, or null when none fits.</summary>
    /// <param name="exceptionType">The exception's full type name.</param>
    /// <param name="message">The exception's message (some types need it to tell causes apart).</param>
    public static string? For(string? exceptionType, string? message) => exceptionType switch
    {
        "System.NullReferenceException" or "System.ArgumentNullException" => NullGuard,
        "System.Collections.Generic.KeyNotFoundException" => TryGetValue,
        "System.ArgumentOutOfRangeException" or "System.IndexOutOfRangeException" => BoundsCheck,
        "System.FormatException" => ParseFormats,
        "System.DivideByZeroException" => ZeroGuard,
        "System.OverflowException" => Overflow,
        "System.InvalidCastException" => TypeCheck,
        "System.InvalidOperationException" when message?.Contains("Sequence contains no", StringComparison.Ordinal) == true => EmptySequence,
        "System.InvalidOperationException" when message?.Contains("cannot be converted", StringComparison.Ordinal) == true
            || message?.Contains("The node must be of type", StringComparison.Ordinal) == true => TypeCheck,
        _ => null,
    };
}
