using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.ExecutionLog;

public sealed class ExecutionDocumentCapTests
{
    [Fact]
    public void Cap_ShortText_Unchanged()
    {
        Assert.Equal("abc", ExecutionDocumentCap.Cap("abc", 64, out var truncated));
        Assert.False(truncated);
        Assert.Null(ExecutionDocumentCap.Cap(null, 64, out truncated));
        Assert.False(truncated);
    }

    [Fact]
    public void Cap_ExactlyAtCap_Unchanged()
    {
        var text = new string('é', 32);
        Assert.Equal(text, ExecutionDocumentCap.Cap(text, 64, out var truncated));
        Assert.False(truncated);
    }

    [Fact]
    public void Cap_MultiByteCharacters_CutOnACharacterBoundary()
    {
        var text = "a" + new string('é', 100);
        var capped = ExecutionDocumentCap.Cap(text, 64, out var truncated);
        Assert.True(truncated);
        Assert.Equal("a" + new string('é', 31), capped);
    }

    [Fact]
    public void Cap_SurrogatePairs_NeverSplit()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 40));
        var capped = ExecutionDocumentCap.Cap(text, 66, out var truncated);
        Assert.True(truncated);
        Assert.Equal(string.Concat(Enumerable.Repeat("😀", 16)), capped);
    }
}
