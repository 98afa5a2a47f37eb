using Autonomy.Core.Analysis;

namespace Autonomy.Core.Tests.Analysis;

/// <summary>Which fix template answers which exception.</summary>
public sealed class FixTemplatesTests
{
    [Theory]
    [InlineData("System.NullReferenceException", null, FixTemplates.NullGuard)]
    [InlineData("System.ArgumentNullException", null, FixTemplates.NullGuard)]
    [InlineData("System.Collections.Generic.KeyNotFoundException", "The given key 'NZ' was not present in the dictionary.", FixTemplates.TryGetValue)]
    [InlineData("System.ArgumentOutOfRangeException", null, FixTemplates.BoundsCheck)]
    [InlineData("System.IndexOutOfRangeException", null, FixTemplates.BoundsCheck)]
    [InlineData("System.FormatException", null, FixTemplates.ParseFormats)]
    [InlineData("System.DivideByZeroException", null, FixTemplates.ZeroGuard)]
    [InlineData("System.OverflowException", null, FixTemplates.Overflow)]
    [InlineData("System.InvalidCastException", null, FixTemplates.TypeCheck)]
    [InlineData("System.InvalidOperationException", "Sequence contains no elements", FixTemplates.EmptySequence)]
    [InlineData("System.InvalidOperationException", "Sequence contains no matching element", FixTemplates.EmptySequence)]
    [InlineData("System.InvalidOperationException", "An element of type 'String' cannot be converted to 'Int32'.", FixTemplates.TypeCheck)]
    [InlineData("System.InvalidOperationException", "The node must be of type 'JsonValue'.", FixTemplates.TypeCheck)]
    public void For_KnownException_IsItsTemplate(string exceptionType, string? message, string expected)
    {
        Assert.Equal(expected, FixTemplates.For(exceptionType, message));
    }

    [Theory]
    [InlineData("System.InvalidOperationException", "Collection was modified")]
    [InlineData("System.InvalidOperationException", null)]
    [InlineData("System.Exception", null)]
    [InlineData("NullReferenceException", null)]
    [InlineData(null, null)]
    public void For_UnmappedException_IsNull(string? exceptionType, string? message)
    {
        Assert.Null(FixTemplates.For(exceptionType, message));
    }
}
