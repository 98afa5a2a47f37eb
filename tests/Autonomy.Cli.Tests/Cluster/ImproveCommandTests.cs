using System.Text.Json;
using System.Text.Json.Nodes;
using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Tests.Support;

namespace Autonomy.Cli.Tests.Cluster;

/// <summary>
/// <c>autonomy improve</c> and <c>autonomy attempts</c> against a real embedded silo, after traffic to the defective
/// sample <c>unit_convert</c> (line 44 throws a NullReferenceException for inputs without the optional
/// <c>precision</c>; samples/tools/DEFECTS.md). The repair runs offline: no LLM is configured.
/// </summary>
public sealed class ImproveCommandTests(ClusterSiloFixture silo) : IClassFixture<ClusterSiloFixture>
{
    private static readonly string[] WithoutPrecision =
    [
        """{"value": 5, "from": "km", "to": "mi"}""",
        """{"value": 20, "from": "C", "to": "F"}""",
        """{"value": 3, "from": "kg", "to": "lb"}""",
        """{"value": 12, "from": "in", "to": "cm"}""",
        """{"value": 1, "from": "mi", "to": "m"}""",
    ];

    private static readonly string[] WithPrecision =
    [
        """{"value": 5, "from": "km", "to": "mi", "precision": 3}""",
        """{"value": 100, "from": "C", "to": "F", "precision": 1}""",
        """{"value": 2.5, "from": "lb", "to": "g", "precision": 0}""",
        """{"value": 10, "from": "m", "to": "ft", "precision": 2}""",
        """{"value": 32, "from": "F", "to": "C", "precision": 2}""",
        """{"value": 42, "from": "mm", "to": "in", "precision": 3}""",
    ];

    /// <summary>Adds <c>unit_convert</c> under a fresh name with the CLI, and runs failing and passing inputs through the cluster.</summary>
    private async Task<string> DefectiveToolWithTrafficAsync()
    {
        var name = ClusterSiloFixture.NewToolName();
        var source = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.SampleTools, "unit_convert.cs")))
            .Replace("[Tool(\"unit_convert\",", $"[Tool(\"{name}\",", StringComparison.Ordinal);
        var path = Path.Combine(silo.Directory, $"{name}.cs");
        await File.WriteAllTextAsync(path, source);
        var add = await silo.RunAsync("tools", "add", path);
        Assert.True(add.ExitCode == 0, add.Error);

        var worker = silo.Grains.GetGrain<IToolExecutorGrain>(0);
        foreach (var input in WithoutPrecision.Concat(WithPrecision))
        {
            var reply = await worker.ExecuteAsync(name, input);
            Assert.Equal(WithoutPrecision.Contains(input) ? ExecutionOutcome.ToolError : ExecutionOutcome.Success, reply.Result.Outcome);
        }

        return name;
    }

    [Fact]
    public async Task Improve_DefectiveSampleAfterTraffic_DeploysTheFixNamesTheVersionAndShowsTheDiff_AndAttemptsListsIt()
    {
        var name = await DefectiveToolWithTrafficAsync();

        var run = await silo.RunAsync("improve", name);

        Assert.True(run.ExitCode == 0, run.Error);
        var output = run.Output.Replace("\r\n", "\n", StringComparison.Ordinal);
        Assert.Contains($"tool          {name}\n", output, StringComparison.Ordinal);
        Assert.Contains("outcome       fixed and deployed\n", output, StringComparison.Ordinal);
        Assert.Contains("base          v1\n", output, StringComparison.Ordinal);
        Assert.Contains("new version   v2 (deployed, author autonomous)\n", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^verdict       fixed by [a-z-]+: .+$", output);
        Assert.Matches(@"(?m)^--- .*v1", output);
        Assert.Contains("\n-        var precision = input![\"precision\"]!.GetValue<int>();\n", output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\+.*precision", output);

        // The fix is live: the input that threw gets the documented default of 4 decimals.
        var fixedRun = await silo.RunAsync("tools", "run", name, "--input", """{"value": 5, "from": "km", "to": "mi"}""", "--json");
        Assert.True(fixedRun.ExitCode == 0, fixedRun.Error);
        using (var result = JsonDocument.Parse(fixedRun.Output))
        {
            Assert.Equal(2, result.RootElement.GetProperty("version").GetInt32());
            var toolOutput = JsonNode.Parse(result.RootElement.GetProperty("result").GetProperty("output").GetString()!);
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse("""{"value": 3.1069, "unit": "mi", "category": "length"}"""), toolOutput), toolOutput?.ToJsonString());
        }

        var attempts = await silo.RunAsync("attempts", name);
        Assert.True(attempts.ExitCode == 0, attempts.Error);
        var lines = attempts.Output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^ID +STARTED +STATUS +VERSIONS +GENERATOR +CANDIDATES +TIME +VERDICT$", lines[0]);
        Assert.Matches(@"^\d+ +\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ +deployed +v1 → v2 +[a-z-]+ +\d+ +[\d.]+s +fixed by ", lines[1]);

        var attemptsJson = await silo.RunAsync("attempts", name, "--limit", "5", "--json");
        Assert.True(attemptsJson.ExitCode == 0, attemptsJson.Error);
        using var listed = JsonDocument.Parse(attemptsJson.Output);
        Assert.Equal(name, listed.RootElement.GetProperty("tool").GetString());
        var attempt = Assert.Single(listed.RootElement.GetProperty("attempts").EnumerateArray());
        Assert.Equal(("Deployed", 1, 2), (attempt.GetProperty("status").GetString(), attempt.GetProperty("baseVersion").GetInt32(), attempt.GetProperty("newVersion").GetInt32()));
    }

    [Fact]
    public async Task Improve_Json_PrintsTheReplyWithTheAttemptAndNoProgress()
    {
        var name = await DefectiveToolWithTrafficAsync();

        var run = await silo.RunAsync("improve", name, "--json", "--timeout-seconds", "600");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal(string.Empty, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var report = document.RootElement;
        Assert.Equal((name, "Deployed", 2), (report.GetProperty("tool").GetString(), report.GetProperty("outcome").GetString(), report.GetProperty("activeVersion").GetInt32()));
        Assert.Equal("v2 fixes v1, passed verification and is deployed", report.GetProperty("message").GetString());
        var attempt = report.GetProperty("attempt");
        Assert.True(attempt.GetProperty("id").GetInt64() > 0);
        Assert.Equal(("Deployed", 1, 2), (attempt.GetProperty("status").GetString(), attempt.GetProperty("baseVersion").GetInt32(), attempt.GetProperty("newVersion").GetInt32()));
        Assert.StartsWith("fixed by ", attempt.GetProperty("verdict").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(attempt.GetProperty("generator").GetString()));
        Assert.True(attempt.GetProperty("candidatesTried").GetInt32() >= 1);
        Assert.True(attempt.GetProperty("elapsedMilliseconds").GetDouble() >= 0);
        Assert.Contains("var precision", attempt.GetProperty("diff").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, attempt.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Improve_PinnedTool_RefusedWithExit5AndNothingChanges()
    {
        var name = await DefectiveToolWithTrafficAsync();
        var pin = await silo.RunAsync("tools", "pin", name);
        Assert.True(pin.ExitCode == 0, pin.Error);

        var run = await silo.RunAsync("improve", name);

        Assert.Equal(5, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Contains($"autonomy: {name}: tool '{name}' is pinned to v1", run.Error, StringComparison.Ordinal);
        var attempts = await silo.RunAsync("attempts", name);
        Assert.Equal(0, attempts.ExitCode);
        Assert.Equal($"{name}: no improvement attempts yet; 'autonomy improve {name}' runs one", attempts.Output.TrimEnd());
    }

    [Fact]
    public async Task ImproveAndAttempts_UnknownTool_Exit4WithNothingOnStandardOutput()
    {
        var name = ClusterSiloFixture.NewToolName();

        var improve = await silo.RunAsync("improve", name, "--json");
        var attempts = await silo.RunAsync("attempts", name);

        Assert.Equal((4, string.Empty), (improve.ExitCode, improve.Output));
        Assert.Equal($"autonomy: {name}: no tool is named '{name}'; 'autonomy tools list' shows the tools", improve.Error.TrimEnd());
        Assert.Equal((4, string.Empty), (attempts.ExitCode, attempts.Output));
        Assert.Equal($"autonomy: no tool is named '{name}'; 'autonomy tools list' shows the tools", attempts.Error.TrimEnd());
    }

    [Theory]
    [InlineData("improve", "--timeout-seconds", "0")]
    [InlineData("improve", "--timeout-seconds", "4001")]
    [InlineData("attempts", "--limit", "0")]
    [InlineData("attempts", "--limit", "101")]
    public async Task ImproveAndAttempts_BadOptions_UsageErrorWithoutConnecting(string command, string option, string value)
    {
        // No silo listens on this gateway: a usage error must come before any connection attempt.
        var run = await CliRunner.InProcessAsync(command, "some_tool", option, value, "--gateway", $"127.0.0.1:{ClusterSiloFixture.FreePort()}");

        Assert.Equal(64, run.ExitCode);
        Assert.StartsWith($"autonomy {command}: {option} must be", run.Error, StringComparison.Ordinal);
    }
}
