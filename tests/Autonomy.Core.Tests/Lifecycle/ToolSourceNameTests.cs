using Autonomy.Core.Compilation;
using Autonomy.Core.Lifecycle;

namespace Autonomy.Core.Tests.Lifecycle;

public sealed class ToolSourceNameTests
{
    [Fact]
    public void TryRead_ToolSource_NameHashAndRenameKey()
    {
        var source = LifecycleSources.Echo("greet", 1);

        var identity = ToolSourceName.TryRead(source);

        Assert.NotNull(identity);
        Assert.Equal(("greet", SourceHash.Of(source)), (identity.ToolName, identity.SourceHash));
        Assert.NotEqual(identity.SourceHash, identity.RenameKey);
    }

    [Fact]
    public void TryRead_SameSourceUnderAnotherName_SameRenameKeyOtherHash()
    {
        var before = ToolSourceName.TryRead(LifecycleSources.Echo("greet", 1))!;
        var renamed = ToolSourceName.TryRead(LifecycleSources.Echo("say_hello", 1))!;
        var changed = ToolSourceName.TryRead(LifecycleSources.Echo("greet", 2))!;

        Assert.Equal(before.RenameKey, renamed.RenameKey);
        Assert.NotEqual(before.SourceHash, renamed.SourceHash);
        Assert.NotEqual(before.RenameKey, changed.RenameKey);
    }

    [Theory]
    [InlineData("public sealed class NoTool { }")]
    [InlineData("[Tool(\"\", \"empty\")] public sealed class Empty { }")]
    [InlineData("[Tool(\"a\", \"x\")] public sealed class A { } [Autonomy.Tools.Tool(\"b\", \"y\")] public sealed class B { }")]
    [InlineData("[Tool(Name, \"constant\")] public sealed class C { const string Name = \"c\"; }")]
    public void TryRead_NoSingleLiteralToolName_Null(string source)
    {
        Assert.Null(ToolSourceName.TryRead(source));
    }

    [Fact]
    public void TryRead_QualifiedAttribute_Read()
    {
        Assert.Equal("q", ToolSourceName.TryRead("[Autonomy.Tools.ToolAttribute(\"q\", \"d\")] public sealed class Q { }")?.ToolName);
    }
}
