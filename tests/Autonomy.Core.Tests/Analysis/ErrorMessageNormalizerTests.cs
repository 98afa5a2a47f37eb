using System.Globalization;
using Autonomy.Core.Analysis;

namespace Autonomy.Core.Tests.Analysis;

/// <summary>Masking the variable parts of error messages so that one fault gives one signature.</summary>
public sealed class ErrorMessageNormalizerTests
{
    [Theory]
    [InlineData("The given key 'NZ' was not present in the dictionary.", "The given key '…' was not present in the dictionary.")]
    [InlineData("Unknown unit \"parsec\" requested", "Unknown unit \"…\" requested")]
    [InlineData("Index 12 is outside 0..3", "Index <n> is outside <n>..<n>")]
    [InlineData("Value -4.5 is below 1,000.25", "Value <n> is below <n>")]
    [InlineData("Execution 3f2504e0-4f89-11d3-9a0c-0305e82c3301 failed", "Execution <id> failed")]
    [InlineData("Bad pointer 0x7FFE12 here", "Bad pointer <n> here")]
    [InlineData("  line one\n\t line   two  ", "line one line two")]
    public void Normalize_VariableParts_AreMasked(string message, string expected)
    {
        Assert.Equal(expected, ErrorMessageNormalizer.Normalize(message));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_NullOrBlank_IsEmpty(string? message)
    {
        Assert.Equal(string.Empty, ErrorMessageNormalizer.Normalize(message));
    }

    [Fact]
    public void Normalize_KeyNotFoundForDifferentKeys_NormaliseEqual()
    {
        var nz = Message(() => new Dictionary<string, int> { ["US"] = 1 }["NZ"]);
        var pt = Message(() => new Dictionary<string, int> { ["US"] = 1 }["PT"]);

        Assert.NotEqual(nz, pt);
        Assert.Equal(ErrorMessageNormalizer.Normalize(nz), ErrorMessageNormalizer.Normalize(pt));
        Assert.Equal("The given key '…' was not present in the dictionary.", ErrorMessageNormalizer.Normalize(nz));
    }

    [Fact]
    public void Normalize_RealParseExactFormatException_MasksDateAndCalendar()
    {
        var message = Message(() => DateTime.ParseExact("25/12/2024", "M/d/yyyy", CultureInfo.InvariantCulture));
        var other = Message(() => DateTime.ParseExact("13/01/2025", "M/d/yyyy", CultureInfo.InvariantCulture));

        Assert.Equal("The DateTime represented by the string '…' is not supported in calendar '…'.", ErrorMessageNormalizer.Normalize(message));
        Assert.Equal(ErrorMessageNormalizer.Normalize(message), ErrorMessageNormalizer.Normalize(other));
    }

    [Fact]
    public void Normalize_LongMessage_IsCutAtMaxLength()
    {
        var normalized = ErrorMessageNormalizer.Normalize(new string('x', 500));

        Assert.Equal(ErrorMessageNormalizer.MaxLength + 1, normalized.Length);
        Assert.EndsWith("x…", normalized, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Value was either too large or too small for an Int32.")]
    [InlineData("Cannot decode UTF8 text at step abc123.")]
    public void Normalize_DigitsInsideWords_AreKept(string message)
    {
        // A type name such as Int32 is part of the fault's signature, not a variable number.
        Assert.Equal(message, ErrorMessageNormalizer.Normalize(message));
    }

    private static string Message(Func<object> action)
    {
        try
        {
            action();
        }
        catch (Exception ex) when (ex is FormatException or KeyNotFoundException)
        {
            return ex.Message;
        }

        throw new InvalidOperationException("no exception");
    }
}
