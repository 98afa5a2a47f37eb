using System.Text.RegularExpressions;

namespace Autonomy.Core.Analysis;

/// <summary>
/// Masks the variable parts of an error message (quoted values, ids, numbers, long hex), so that failures of the
/// same fault on different inputs share one signature: "The given key 'NZ' was not present" and "… 'PT' …" both
/// become "The given key '…' was not present in the dictionary."
/// </summary>
public static partial class ErrorMessageNormalizer
{
    /// <summary>The mask for a quoted value.</summary>
    public const string QuotedMask = "…";

    /// <summary>The mask for a number.</summary>
    public const string NumberMask = "<n>";

    /// <summary>The mask for a GUID.</summary>
    public const string GuidMask = "<id>";

    /// <summary>The longest normalised message kept.</summary>
    public const int MaxLength = 300;

    /// <summary>The message with its variable parts masked and its whitespace collapsed; empty for null.</summary>
    public static string Normalize(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return string.Empty;
        }

        var text = Guids().Replace(message, GuidMask);
        text = SingleQuoted().Replace(text, "'" + QuotedMask + "'");
        text = DoubleQuoted().Replace(text, "\"" + QuotedMask + "\"");
        text = Hex().Replace(text, NumberMask);
        text = Numbers().Replace(text, NumberMask);
        text = Whitespace().Replace(text, " ").Trim();
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "…");
    }

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Guids();

    [GeneratedRegex(@"'[^'\r\n]{0,200}'", RegexOptions.CultureInvariant)]
    private static partial Regex SingleQuoted();

    [GeneratedRegex(@"""[^""\r\n]{0,200}""", RegexOptions.CultureInvariant)]
    private static partial Regex DoubleQuoted();

    [GeneratedRegex(@"\b0x[0-9a-fA-F]+\b", RegexOptions.CultureInvariant)]
    private static partial Regex Hex();

    [GeneratedRegex(@"(?<![A-Za-z_\d])[-+]?\d+([.,]\d+)*(?![A-Za-z_\d])", RegexOptions.CultureInvariant)]
    private static partial Regex Numbers();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
