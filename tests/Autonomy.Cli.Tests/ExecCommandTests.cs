using System.Text.Json;
using Autonomy.Core.Tests.Support;

namespace Autonomy.Cli.Tests;

public sealed class ExecCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("autonomy-exec-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Sample(string name) => Path.Combine(RepositoryPaths.SampleTools, name);

    private string Runaway(string body)
    {
        var path = Path.Combine(_directory, "runaway.cs");
        File.WriteAllText(path, $$"""
            using System.Text.Json.Nodes;
            using System.Threading.Tasks;
            using Autonomy.Tools;
            [Tool("runaway", "Never stops.")]
            public sealed class Runaway : ITool
            {
                public Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context) { {{body}} }
                private static int Down(int n) => Down(n + 1) + 1;
            }
            """);
        return path;
    }

    [Fact]
    public async Task Exec_ValidInput_PrintsOutputAndExitsZero()
    {
        var run = await CliRunner.InProcessAsync("exec", Sample("roman_numerals.cs"), "--input", """{"number": 1994}""");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("outcome    Success", run.Output, StringComparison.Ordinal);
        Assert.Contains("MCMXCIV", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_Json_PrintsTheExecutionResult()
    {
        var run = await CliRunner.InProcessAsync("exec", Sample("country_info.cs"), "--input", """{"code": "NZ"}""", "--json");

        Assert.Equal(1, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var result = document.RootElement.GetProperty("result");
        Assert.Equal("ToolError", result.GetProperty("outcome").GetString());
        Assert.Equal(68, result.GetProperty("error").GetProperty("line").GetInt32());
        Assert.Equal("country_info", document.RootElement.GetProperty("tool").GetString());
    }

    [Fact]
    public async Task Exec_InputNotJson_IsInvalidInputWithExitThree()
    {
        var run = await CliRunner.InProcessAsync("exec", Sample("roman_numerals.cs"), "--input", "{number: }");

        Assert.Equal(3, run.ExitCode);
        Assert.Contains("outcome    InvalidInput", run.Output, StringComparison.Ordinal);
        Assert.Contains("not JSON", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_Examples_RunsAndComparesThem()
    {
        var run = await CliRunner.InProcessAsync("exec", Sample("statistics.cs"), "--examples");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"\d+ passed, 0 failed", run.Output);
    }

    [Fact]
    public async Task Exec_InputAndExamplesTogether_IsAUsageError()
    {
        var run = await CliRunner.InProcessAsync("exec", Sample("statistics.cs"), "--examples", "--input", "{}");

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("exactly one of", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_RejectedTool_ExitsTwoAndPointsToCheck()
    {
        var path = Path.Combine(_directory, "broken.cs");
        await File.WriteAllTextAsync(path, "public class Nothing { }");

        var run = await CliRunner.InProcessAsync("exec", path, "--input", "{}");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("AUT001", run.Error, StringComparison.Ordinal);
        Assert.Contains("autonomy check", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("while (true) { }", "BudgetExceeded (Steps)")]
    [InlineData("return Task.FromResult<JsonNode?>(Down(0));", "BudgetExceeded (CallDepth)")]
    [InlineData("var a = new long[int.MaxValue]; return Task.FromResult<JsonNode?>(a.Length);", "BudgetExceeded (Memory)")]
    public async Task Exec_RunawayToolInARealProcess_IsStoppedAndTheProcessExitsNormally(string body, string outcome)
    {
        var run = await CliRunner.ProcessAsync("exec", Runaway(body), "--input", "{}", "--max-steps", "20000000");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"outcome    {outcome}", run.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, run.Error);
    }
}
