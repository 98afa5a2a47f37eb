using Autonomy.Cli.Commands.Tools;

namespace Autonomy.Cli.Tests.Commands;

public sealed class ToolNameReaderTests
{
    [Theory]
    [InlineData("[Tool(\"slugify\", \"d\")] public sealed class S { }", "slugify")]
    [InlineData("[Autonomy.Tools.Tool(\"a\", \"d\")] public sealed class S { }", "a")]
    [InlineData("[ToolAttribute(\"b\", \"d\")] public sealed class S { }", "b")]
    [InlineData("[Tool(Name, \"d\")] public sealed class S { const string Name = \"c\"; }", null)]
    [InlineData("public sealed class S { }", null)]
    [InlineData("[Tool(\"a\", \"d\")] class A { } [Tool(\"b\", \"d\")] class B { }", null)]
    public void TryRead_Source_NameOnlyFromOneLiteral(string source, string? expected)
    {
        Assert.Equal(expected, ToolNameReader.TryRead(source));
    }
}
