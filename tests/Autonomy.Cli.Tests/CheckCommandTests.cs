using System.Text.Json;
using Autonomy.Core.Tests.Support;

namespace Autonomy.Cli.Tests;

public sealed class CheckCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("autonomy-check-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string source)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, source);
        return path;
    }

    private static string Tool(string body) => $$"""
        using System.Text.Json.Nodes;
        using System.Threading.Tasks;
        using Autonomy.Tools;
        [Tool("t", "A test tool.")]
        public sealed class T : ITool
        {
            public async Task<JsonNode?> ExecuteAsync(JsonNode? input, ToolContext context)
            {
                await Task.CompletedTask;
                {{body}}
            }
        }
        """;

    [Fact]
    public async Task Check_AllSamples_AcceptsThemWithExitZero()
    {
        var samples = Directory.GetFiles(RepositoryPaths.SampleTools, "*.cs");

        var run = await CliRunner.InProcessAsync(["check", .. samples]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(samples.Length, run.Output.Split('\n').Count(l => l.Contains(": ok: tool '", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("return System.IO.File.ReadAllText(\"/etc/passwd\");", "policy/filesystem", "System.IO.File.ReadAllText")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\"); return null;", "policy/process", "System.Diagnostics.Process.Start")]
    [InlineData("using var c = new System.Net.Http.HttpClient(); return null;", "policy/network", "System.Net.Http.HttpClient")]
    [InlineData("return System.Type.GetType(\"System.IO.File\")?.Name;", "policy/reflection", "System.Type.GetType")]
    [InlineData("System.Console.WriteLine(1); return null;", "policy/console", "System.Console.WriteLine")]
    [InlineData("System.Environment.Exit(1); return null;", "policy/environment", "System.Environment.Exit")]
    [InlineData("System.GC.Collect(); return null;", "policy/gc", "System.GC.Collect")]
    [InlineData("new System.Threading.Thread(() => { }).Start(); return null;", "policy/threads", "System.Threading.Thread")]
    public async Task Check_ForbiddenApi_RejectsNamingRuleApiAndLine(string body, string code, string api)
    {
        var path = Write("bad.cs", Tool(body));

        var run = await CliRunner.InProcessAsync("check", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:10:", run.Output, StringComparison.Ordinal);
        Assert.Contains($"error {code}:", run.Output, StringComparison.Ordinal);
        Assert.Contains(api, run.Output, StringComparison.Ordinal);
        Assert.Contains("rejected", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_SyntaxError_ReportsLineAndColumnAndExitTwo()
    {
        var path = Write("syntax.cs", Tool("var x = ; return x;"));

        var run = await CliRunner.InProcessAsync("check", path);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{path}:10:17: error CS1525:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_Json_PrintsDiagnosticsAsData()
    {
        var path = Write("bad.cs", Tool("System.GC.Collect(); return null;"));

        var run = await CliRunner.InProcessAsync("check", path, "--json");

        Assert.Equal(2, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.False(document.RootElement.GetProperty("accepted").GetBoolean());
        var diagnostic = document.RootElement.GetProperty("diagnostics")[0];
        Assert.Equal("policy/gc", diagnostic.GetProperty("code").GetString());
        Assert.Equal(10, diagnostic.GetProperty("line").GetInt32());
        Assert.Equal("System.GC.Collect", diagnostic.GetProperty("api").GetString());
    }

    [Fact]
    public async Task Check_MissingFile_SaysSoOnOneLineWithUsageExit()
    {
        var run = await CliRunner.InProcessAsync("check", Path.Combine(_directory, "nope.cs"));

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith("autonomy: cannot read ", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Cli_UnknownCommand_IsAUsageError()
    {
        var run = await CliRunner.InProcessAsync("frobnicate", "--now");

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("autonomy --help", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_OperatorPolicyFile_AppliesItsRulesInsteadOfTheBuiltIn()
    {
        var policy = Write("policy.json", """
            { "rules": [ { "id": "no-maths", "description": "This site forbids System.Math.", "deny": [ "System.Math" ] } ] }
            """);
        var path = Write("maths.cs", Tool("return System.Math.Sqrt(4);"));

        var builtIn = await CliRunner.InProcessAsync("check", path);
        var strict = await CliRunner.InProcessAsync("check", "--policy", policy, path);

        Assert.Equal(0, builtIn.ExitCode);
        Assert.Equal(2, strict.ExitCode);
        Assert.Contains("policy/no-maths", strict.Output, StringComparison.Ordinal);
        Assert.Contains("System.Math.Sqrt", strict.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.json", null)]
    [InlineData("broken.json", "{ \"rules\": [ ")]
    public async Task Check_UnusablePolicyFile_FailsWithUsageErrorNamingTheFile(string name, string? content)
    {
        var policy = Path.Combine(_directory, name);
        if (content is not null)
        {
            File.WriteAllText(policy, content);
        }

        var run = await CliRunner.InProcessAsync("check", "--policy", policy, Write("ok.cs", Tool("return null;")));

        Assert.Equal(64, run.ExitCode);
        Assert.Contains($"cannot use the policy file {policy}", run.Error, StringComparison.Ordinal);
    }
}
