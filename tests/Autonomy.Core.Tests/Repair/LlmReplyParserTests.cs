using Autonomy.Core.Repair.Llm;
using static Autonomy.Core.Tests.Repair.LlmFixtures;

namespace Autonomy.Core.Tests.Repair;

public sealed class LlmReplyParserTests
{
    [Fact]
    public void ExtractSource_CSharpFenceAmongOthers_TakesTheLongestCSharpBlock()
    {
        var reply = "The bug is on this line:\n```cs\nvar area = width * width;\n```\nHere is the fix:\n```csharp\n" + Fixed + "```\nAnd a test:\n```json\n{\"width\":2}\n```";

        Assert.Equal(Fixed, LlmReplyParser.ExtractSource(reply));
    }

    [Fact]
    public void ExtractSource_UntaggedFenceWithATool_TakesIt() =>
        Assert.Equal(Fixed, LlmReplyParser.ExtractSource("Fixed:\n```\n" + Fixed + "```"));

    [Fact]
    public void ExtractSource_WholeReplyIsASource_TakesTheReply() =>
        Assert.Equal(Fixed, LlmReplyParser.ExtractSource("\n" + Fixed.Replace("\n", "\r\n", StringComparison.Ordinal)));

    [Theory]
    [InlineData("I cannot fix this tool without more information.")]
    [InlineData("Change `width * width` to `width * height` in ExecuteAsync of the class.")]
    [InlineData("")]
    public void ExtractSource_NoSource_ReturnsNull(string reply) => Assert.Null(LlmReplyParser.ExtractSource(reply));

    [Fact]
    public void ExtractSource_FenceNeverClosed_ReturnsNull() =>
        Assert.Null(LlmReplyParser.ExtractSource("```csharp\n" + Fixed[..(Fixed.Length / 2)]));

    [Fact]
    public void Explanation_ReplyWithFence_IsTheProseOnly() =>
        Assert.Equal("Here it is: Multiplied the width by the height.", LlmReplyParser.Explanation("Here it is:\n" + Reply(Fixed)));
}
