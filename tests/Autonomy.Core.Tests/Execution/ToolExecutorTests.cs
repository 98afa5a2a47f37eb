using System.Text.Json.Nodes;
using Autonomy.Abstractions.Execution;
using Autonomy.Core.Execution;
using Autonomy.Core.Sandbox;
using Autonomy.Core.Tests.Support;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Autonomy.Core.Tests.Execution;

/// <summary>Every execution ends in exactly one outcome, with what the caller and the investigator need.</summary>
public sealed class ToolExecutorTests
{
    private const string Schema = """
        [ToolInputSchema("{\"type\":\"object\",\"required\":[\"n\"],\"properties\":{\"n\":{\"type\":\"integer\"}}}")]
        [ToolOutputSchema("{\"type\":\"object\",\"required\":[\"square\"]}")]
        """;

    private static Task<Autonomy.Core.Compilation.CompiledTool> SquareToolAsync(string body = "var n = input![\"n\"]!.GetValue<int>(); context.Log.Info($\"squaring {n}\"); return new JsonObject { [\"square\"] = n * n };") =>
        CompiledTools.CompileAsync(ToolSource.With(body, attributes: "\n" + Schema.Replace("\n", " ", StringComparison.Ordinal)));

    [Fact]
    public async Task Execute_ValidInput_SucceedsWithOutputAndLog()
    {
        var tool = await SquareToolAsync();

        var result = await new ToolExecutor().ExecuteAsync(tool, """{"n": 7}""");

        Assert.Equal(ExecutionOutcome.Success, result.Outcome);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"square":49}"""), JsonNode.Parse(result.Output!)));
        Assert.Equal("squaring 7", Assert.Single(result.Log).Message);
        Assert.Null(result.Error);
        Assert.False(result.CountsAsToolFailure);
    }

    [Fact]
    public async Task Execute_InputNotJson_IsInvalidInput()
    {
        var tool = await SquareToolAsync();

        var result = await new ToolExecutor().ExecuteAsync(tool, "{n: 7");

        Assert.Equal(ExecutionOutcome.InvalidInput, result.Outcome);
        Assert.StartsWith("the input is not JSON", result.Message, StringComparison.Ordinal);
        Assert.False(result.CountsAsToolFailure);
    }

    [Fact]
    public async Task Execute_InputBreakingSchema_IsInvalidInputNamingTheProblem()
    {
        var tool = await SquareToolAsync();

        var result = await new ToolExecutor().ExecuteAsync(tool, """{"n": "seven"}""");

        Assert.Equal(ExecutionOutcome.InvalidInput, result.Outcome);
        Assert.Contains("/n", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_InputMissingRequiredField_IsInvalidInput()
    {
        var tool = await SquareToolAsync();

        var result = await new ToolExecutor().ExecuteAsync(tool, """{"m": 1}""");

        Assert.Equal(ExecutionOutcome.InvalidInput, result.Outcome);
        Assert.Contains("n", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ToolRejectingInput_IsInvalidInput()
    {
        var tool = await SquareToolAsync("throw new InvalidToolInputException(\"n must be even\");");

        var result = await new ToolExecutor().ExecuteAsync(tool, """{"n": 3}""");

        Assert.Equal(ExecutionOutcome.InvalidInput, result.Outcome);
        Assert.Contains("n must be even", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_OutputBreakingSchema_IsInvalidOutput()
    {
        var tool = await SquareToolAsync("return new JsonObject { [\"sq\"] = 1 };");

        var result = await new ToolExecutor().ExecuteAsync(tool, """{"n": 3}""");

        Assert.Equal(ExecutionOutcome.InvalidOutput, result.Outcome);
        Assert.Contains("square", result.Message, StringComparison.Ordinal);
        Assert.True(result.CountsAsToolFailure);
    }

    [Fact]
    public async Task Execute_ThrowOnSomeInputs_IsToolErrorWithSourceLine()
    {
        var source = ToolSource.With("""
            var n = input!["n"]!.GetValue<int>();
            var items = new int[] { 1, 2, 3 };
            int Twice(int x) => x * 2;
            return Twice(items[n]);
            """);
        var tool = await CompiledTools.CompileAsync(source);
        var executor = new ToolExecutor();

        var ok = await executor.ExecuteAsync(tool, """{"n": 1}""");
        var failed = await executor.ExecuteAsync(tool, """{"n": 5}""");

        Assert.Equal(ExecutionOutcome.Success, ok.Outcome);
        Assert.Equal("4", ok.Output);
        Assert.Equal(ExecutionOutcome.ToolError, failed.Outcome);
        Assert.Equal("System.IndexOutOfRangeException", failed.Error!.ExceptionType);
        Assert.Equal(ToolSource.BodyLine + 3, failed.Error.Line);
        Assert.Equal("TestTool.ExecuteAsync", failed.Error.Member);
    }

    [Fact]
    public async Task Execute_ExceptionAfterRewrittenExpressionBodies_KeepsTheAuthorsLine()
    {
        // Expression bodies, embedded loop statements and lambdas are all rewritten into blocks; lines must not move.
        var source = ToolSource.With(
            "var total = 0;\nfor (var i = 0; i < 3; i++) total += Double(i);\nFunc<int, int> f = x => x + Prop;\nreturn Explode(f(total));",
            "int Prop => 1;\nstatic int Double(int x) => x * 2;\nstatic int Explode(int x)\n{\n    throw new InvalidOperationException($\"boom {x}\");\n}");
        var tool = await CompiledTools.CompileAsync(source);

        var result = await new ToolExecutor().ExecuteAsync(tool, "{}");

        Assert.Equal(ExecutionOutcome.ToolError, result.Outcome);
        Assert.Equal("boom 7", result.Error!.Message);
        Assert.Equal(ToolSource.BodyLine + 9, result.Error.Line);
        Assert.Equal("TestTool.Explode", result.Error.Member);
    }

    [Fact]
    public async Task Execute_CallerCancels_IsTimeout()
    {
        var tool = await CompiledTools.CompileAsync(ToolSource.With("await Task.Delay(Timeout.Infinite, context.Cancellation); return 1;").Replace("using System;", "using System; using System.Threading;", StringComparison.Ordinal));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var result = await new ToolExecutor().ExecuteAsync(tool, "{}", cancellation.Token);

        Assert.Equal(ExecutionOutcome.Timeout, result.Outcome);
        Assert.Contains("cancel", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ContextClock_IsTheInjectedTimeProvider()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var tool = await CompiledTools.CompileAsync(ToolSource.With("return context.Now.ToString(\"O\");"));
        var executor = new ToolExecutor(Options.Create(new SandboxOptions()), time);

        var result = await executor.ExecuteAsync(tool, "{}");

        Assert.Equal(ExecutionOutcome.Success, result.Outcome);
        Assert.Equal("\"2031-05-06T07:08:09.0000000+00:00\"", result.Output);
    }

    [Fact]
    public async Task Execute_ChattyTool_KeepsLogBoundedAndCountsTheRest()
    {
        var tool = await CompiledTools.CompileAsync(ToolSource.With("for (var i = 0; i < 1000; i++) { context.Log.Info($\"line {i}\"); } return null;"));
        var executor = new ToolExecutor(Options.Create(new SandboxOptions { MaxLogLines = 10 }), TimeProvider.System);

        var result = await executor.ExecuteAsync(tool, "{}");

        Assert.Equal(ExecutionOutcome.Success, result.Outcome);
        Assert.Equal(10, result.Log.Length);
        Assert.Equal(990, result.DroppedLogLines);
        Assert.Equal("null", result.Output);
    }
}
