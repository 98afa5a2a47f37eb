using System.Text.Json;

namespace Autonomy.Cli.Tests.Cluster;

/// <summary>The tools and feedback commands against a real embedded silo, each test on tools of its own.</summary>
public sealed class ToolsCommandTests(ClusterSiloFixture silo) : IClassFixture<ClusterSiloFixture>
{
    private static JsonElement Json(CliRunner.Run run)
    {
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    private async Task<(string Name, string Path)> AddAsync(string? body = null)
    {
        var name = ClusterSiloFixture.NewToolName();
        var path = body is null ? silo.WriteTool(name) : silo.WriteTool(name, body);
        var add = await silo.RunAsync("tools", "add", path, "--json");
        Assert.True(add.ExitCode == 0, add.Error);
        return (name, path);
    }

    [Fact]
    public async Task ToolsAdd_NewTool_RegistersVersionOneAndDeploysIt()
    {
        var name = ClusterSiloFixture.NewToolName();
        var path = silo.WriteTool(name);

        var add = await silo.RunAsync("tools", "add", path, "--reason", "first cut", "--json");

        Assert.Equal(0, add.ExitCode);
        var json = Json(add);
        Assert.Equal(name, json.GetProperty("tool").GetString());
        Assert.True(json.GetProperty("accepted").GetBoolean());
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.True(json.GetProperty("deployed").GetBoolean());
        Assert.Equal(1, json.GetProperty("activeVersion").GetInt32());
        Assert.Equal(64, json.GetProperty("sourceHash").GetString()!.Length);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("message").ValueKind);
    }

    [Fact]
    public async Task ToolsRun_AfterAdd_PrintsOutcomeOutputAndExecutionId()
    {
        var (name, _) = await AddAsync();

        var run = await silo.RunAsync("tools", "run", name, "--input", """{"n": 41}""", "--json");

        Assert.Equal(0, run.ExitCode);
        var json = Json(run);
        Assert.Equal(name, json.GetProperty("tool").GetString());
        Assert.Equal("Executed", json.GetProperty("status").GetString());
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.NotEqual(Guid.Empty, json.GetProperty("executionId").GetGuid());
        var result = json.GetProperty("result");
        Assert.Equal("Success", result.GetProperty("outcome").GetString());
        Assert.Equal(42, JsonDocument.Parse(result.GetProperty("output").GetString()!).RootElement.GetProperty("result").GetInt32());
    }

    [Fact]
    public async Task ToolsRun_Human_PrintsExecutionVersionAndOutcome()
    {
        var (name, _) = await AddAsync();

        var run = await silo.RunAsync("tools", "run", name, "-i", """{"n": 1}""");

        Assert.Equal(0, run.ExitCode);
        Assert.Matches(@"^execution  [0-9a-f-]{36}\n", run.Output.Replace("\r\n", "\n", StringComparison.Ordinal));
        Assert.Contains("version    v1", run.Output, StringComparison.Ordinal);
        Assert.Contains("outcome    Success", run.Output, StringComparison.Ordinal);
        Assert.Contains("""{"result":2}""", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{n: }")]
    [InlineData("""{"m": 1}""")]
    public async Task ToolsRun_BadInput_InvalidInputOutcomeAndExitThree(string input)
    {
        var (name, _) = await AddAsync();

        var run = await silo.RunAsync("tools", "run", name, "--input", input, "--json");

        Assert.Equal(3, run.ExitCode);
        Assert.Equal("InvalidInput", Json(run).GetProperty("result").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ToolsRun_ToolThrows_ToolErrorAndExitOne()
    {
        var (name, _) = await AddAsync("throw new System.InvalidOperationException(\"boom\");");

        var run = await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""", "--json");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("ToolError", Json(run).GetProperty("result").GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ToolsRun_UnknownTool_OneLineNotFoundExitFour()
    {
        var run = await silo.RunAsync("tools", "run", "no_such_tool_here", "--input", "{}");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("autonomy: no tool is named 'no_such_tool_here'", run.Error.Trim());
        Assert.Equal(string.Empty, run.Output);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("versions")]
    [InlineData("rollback")]
    [InlineData("pin")]
    [InlineData("unpin")]
    public async Task ToolCommand_UnknownTool_OneLineNotFoundExitFour(string command)
    {
        var run = await silo.RunAsync("tools", command, "no_such_tool_here");

        Assert.Equal(4, run.ExitCode);
        Assert.Equal("autonomy: no tool is named 'no_such_tool_here'; 'autonomy tools list' shows the tools", run.Error.Trim());
    }

    [Fact]
    public async Task ToolsAdd_PolicyViolation_PrintsDiagnosticsRegistersNothingExitTwo()
    {
        var name = ClusterSiloFixture.NewToolName();
        var path = silo.WriteTool(name, "System.GC.Collect(); return null;");

        var add = await silo.RunAsync("tools", "add", path);
        var versions = await silo.RunAsync("tools", "versions", name);

        Assert.Equal(2, add.ExitCode);
        Assert.Contains($"{path}:12:", add.Error, StringComparison.Ordinal);
        Assert.Contains("error policy/gc:", add.Error, StringComparison.Ordinal);
        Assert.Contains("nothing was registered", add.Error, StringComparison.Ordinal);
        Assert.Equal(4, versions.ExitCode);
    }

    [Fact]
    public async Task ToolsAdd_NameFromAConstant_CompilesLocallyToFindTheName()
    {
        var name = ClusterSiloFixture.NewToolName();
        var path = silo.WriteTool(name);
        File.WriteAllText(path, File.ReadAllText(path)
            .Replace($"[Tool(\"{name}\",", "[Tool(AddOne.ToolName,", StringComparison.Ordinal)
            .Replace("public sealed class AddOne : ITool\n{", $"public sealed class AddOne : ITool\n{{\n    public const string ToolName = \"{name}\";", StringComparison.Ordinal));

        var add = await silo.RunAsync("tools", "add", path, "--json");

        Assert.True(add.ExitCode == 0, add.Error);
        Assert.Equal(name, Json(add).GetProperty("tool").GetString());
    }

    [Fact]
    public async Task ToolsAdd_NoDeploy_RegistersButRunIsRefused()
    {
        var name = ClusterSiloFixture.NewToolName();

        var add = await silo.RunAsync("tools", "add", silo.WriteTool(name), "--no-deploy", "--json");
        var run = await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""");

        Assert.Equal(0, add.ExitCode);
        Assert.False(Json(add).GetProperty("deployed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, Json(add).GetProperty("activeVersion").ValueKind);
        Assert.Equal(5, run.ExitCode);
        Assert.Contains("has no deployed version", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Feedback_ExecutionIdFromRun_IsRecordedAgainstItsToolAndVersion()
    {
        var (name, _) = await AddAsync();
        var run = await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""", "--json");
        var executionId = Json(run).GetProperty("executionId").GetGuid();

        // Straight after the run: the execution is still in the log writer's buffer until the catalog flushes it.
        var feedback = await silo.RunAsync("feedback", executionId.ToString(), "--incorrect", "--expected", """{"result": 3}""", "--comment", "off by one", "--json");

        Assert.True(feedback.ExitCode == 0, feedback.Error);
        var json = Json(feedback);
        Assert.Equal("Recorded", json.GetProperty("status").GetString());
        Assert.True(json.GetProperty("accepted").GetBoolean());
        Assert.Equal(name, json.GetProperty("tool").GetString());
        Assert.Equal(1, json.GetProperty("version").GetInt32());
        Assert.False(json.GetProperty("correct").GetBoolean());
    }

    [Fact]
    public async Task Feedback_Human_SaysWhatWasRecorded()
    {
        var (name, _) = await AddAsync();
        var executionId = Json(await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""", "--json")).GetProperty("executionId").GetGuid();

        var feedback = await silo.RunAsync("feedback", executionId.ToString(), "--correct");

        Assert.Equal(0, feedback.ExitCode);
        Assert.Equal($"feedback recorded: execution {executionId} of {name} v1 was correct", feedback.Output.Trim());
    }

    [Fact]
    public async Task Feedback_UnknownExecutionId_ClearErrorExitFour()
    {
        var id = Guid.NewGuid();

        var feedback = await silo.RunAsync("feedback", id.ToString(), "--correct");

        Assert.Equal(4, feedback.ExitCode);
        Assert.Equal($"autonomy: no execution with the id {id} is in the execution log", feedback.Error.Trim());
    }

    [Fact]
    public async Task ToolsLifecycle_AddV2DiffRollbackPinUnpin_EachStepVisibleInVersionsShowAndList()
    {
        var name = ClusterSiloFixture.NewToolName();
        var v1 = silo.WriteTool(name, "return new JsonObject { [\"result\"] = n + 1 };");
        var v2 = silo.WriteTool(name, "return new JsonObject { [\"result\"] = n + 2 };");
        Assert.Equal(0, (await silo.RunAsync("tools", "add", v1)).ExitCode);

        var addV2 = await silo.RunAsync("tools", "add", v2, "--reason", "add two", "--json");
        Assert.Equal(0, addV2.ExitCode);
        Assert.Equal(2, Json(addV2).GetProperty("activeVersion").GetInt32());
        var runV2 = await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""");
        Assert.Contains("""{"result":3}""", runV2.Output, StringComparison.Ordinal);

        var versions = Json(await silo.RunAsync("tools", "versions", name, "--json"));
        Assert.Equal(2, versions.GetProperty("activeVersion").GetInt32());
        Assert.Equal(1, versions.GetProperty("previousVersion").GetInt32());
        Assert.Equal([1, 2], versions.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetInt32()));
        Assert.Equal("add two", versions.GetProperty("versions")[1].GetProperty("reason").GetString());
        Assert.Equal("human", versions.GetProperty("versions")[1].GetProperty("author").GetString());

        var diff = await silo.RunAsync("tools", "diff", name, "1", "2");
        Assert.Equal(0, diff.ExitCode);
        Assert.Contains($"--- {name} v1 (", diff.Output, StringComparison.Ordinal);
        Assert.Contains($"+++ {name} v2 (", diff.Output, StringComparison.Ordinal);
        Assert.Contains("@@ -9,6 +9,6 @@", diff.Output, StringComparison.Ordinal);
        Assert.Contains("-        return new JsonObject { [\"result\"] = n + 1 };", diff.Output, StringComparison.Ordinal);
        Assert.Contains("+        return new JsonObject { [\"result\"] = n + 2 };", diff.Output, StringComparison.Ordinal);

        var rollback = await silo.RunAsync("tools", "rollback", name, "--reason", "two is wrong", "--json");
        Assert.Equal(0, rollback.ExitCode);
        Assert.Equal(1, Json(rollback).GetProperty("activeVersion").GetInt32());
        Assert.Contains("""{"result":2}""", (await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""")).Output, StringComparison.Ordinal);

        var pin = await silo.RunAsync("tools", "pin", name, "2", "--json");
        Assert.Equal(0, pin.ExitCode);
        Assert.Equal(2, Json(pin).GetProperty("activeVersion").GetInt32());
        Assert.Equal(2, Json(pin).GetProperty("pinnedVersion").GetInt32());

        var refused = await silo.RunAsync("tools", "rollback", name, "--to", "1");
        Assert.Equal(5, refused.ExitCode);
        Assert.Equal($"autonomy: {name}: tool '{name}' is pinned to version 2; unpin it first", refused.Error.Trim());

        var unpin = await silo.RunAsync("tools", "unpin", name, "--json");
        Assert.Equal(0, unpin.ExitCode);
        Assert.Equal(JsonValueKind.Null, Json(unpin).GetProperty("pinnedVersion").ValueKind);

        var show = Json(await silo.RunAsync("tools", "show", name, "--json"));
        Assert.Equal(name, show.GetProperty("name").GetString());
        Assert.Equal(2, show.GetProperty("activeVersion").GetInt32());
        Assert.Equal(1, show.GetProperty("previousVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, show.GetProperty("pinnedVersion").ValueKind);
        Assert.Equal(2, show.GetProperty("latestVersion").GetInt32());
        Assert.Equal(["deploy", "deploy", "rollback", "deploy"], show.GetProperty("deployments").EnumerateArray().Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal(JsonValueKind.Object, show.GetProperty("monitoring").ValueKind);

        var list = Json(await silo.RunAsync("tools", "list", "--json"));
        var listed = Assert.Single(list.GetProperty("tools").EnumerateArray(), t => t.GetProperty("name").GetString() == name);
        Assert.Equal(2, listed.GetProperty("latestVersion").GetInt32());
        Assert.Equal(2, listed.GetProperty("versionCount").GetInt64());
        Assert.Equal(2, listed.GetProperty("activeVersion").GetInt32());
        Assert.False(listed.GetProperty("archived").GetBoolean());
        Assert.Equal("Unknown", listed.GetProperty("health").GetString());
    }

    [Fact]
    public async Task ToolsCompareAndVersions_AfterARollback_SideBySideMetricsLivePeriodsAndTheDiff()
    {
        var name = ClusterSiloFixture.NewToolName();
        Assert.Equal(0, (await silo.RunAsync("tools", "add", silo.WriteTool(name))).ExitCode);
        Assert.Equal(0, (await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""")).ExitCode);
        Assert.Equal(0, (await silo.RunAsync("tools", "add", silo.WriteTool(name, "return new JsonObject { [\"result\"] = n + 2 };"), "--reason", "add two")).ExitCode);
        Assert.Equal(0, (await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""")).ExitCode);
        Assert.Equal(0, (await silo.RunAsync("tools", "run", name, "--input", """{"n": 2}""")).ExitCode);
        Assert.Equal(0, (await silo.RunAsync("tools", "rollback", name)).ExitCode);
        await silo.FlushExecutionLogAsync();

        var compare = await silo.RunAsync("tools", "compare", name, "1", "2");
        var json = Json(await silo.RunAsync("tools", "compare", name, "1", "2", "--json"));
        var versions = Json(await silo.RunAsync("tools", "versions", name, "--json"));
        var missing = await silo.RunAsync("tools", "compare", name, "1", "9");

        Assert.Equal(0, compare.ExitCode);
        Assert.Matches(@"(?m)^executions +1 +2 *$", compare.Output);
        Assert.Matches(@"(?m)^success rate +100\.0 % +100\.0 % *$", compare.Output);
        Assert.Matches(@"(?m)^live +.+ in 2 period\(s\), active +.+ in 1 period\(s\) *$", compare.Output);
        Assert.Contains("reason v2: add two", compare.Output, StringComparison.Ordinal);
        Assert.Contains("+        return new JsonObject { [\"result\"] = n + 2 };", compare.Output, StringComparison.Ordinal);
        Assert.Equal((1L, 2L), (json.GetProperty("leftMetrics").GetProperty("executions").GetInt64(), json.GetProperty("rightMetrics").GetProperty("executions").GetInt64()));
        var first = versions.GetProperty("versions")[0];
        Assert.Equal(["deploy", "rollback"], first.GetProperty("livePeriods").EnumerateArray().Select(p => p.GetProperty("how").GetString()));
        Assert.Equal(4, missing.ExitCode);
        Assert.Equal($"autonomy: tool '{name}' has no version 1 or no version 9; 'autonomy tools versions {name}' lists them", missing.Error.Trim());
    }

    [Fact]
    public async Task ToolsDiff_MissingVersion_NotFoundExitFour()
    {
        var (name, _) = await AddAsync();

        var diff = await silo.RunAsync("tools", "diff", name, "1", "7");

        Assert.Equal(4, diff.ExitCode);
        Assert.Equal($"autonomy: tool '{name}' has no version 7; 'autonomy tools versions {name}' lists them", diff.Error.Trim());
    }

    [Fact]
    public async Task ToolsDiff_SameVersion_JsonSaysIdentical()
    {
        var (name, _) = await AddAsync();

        var diff = Json(await silo.RunAsync("tools", "diff", name, "1", "1", "--json"));

        Assert.True(diff.GetProperty("identical").GetBoolean());
        Assert.Equal(string.Empty, diff.GetProperty("diff").GetString());
    }

    [Fact]
    public async Task ToolsList_Human_AlignedTableWithTheTool()
    {
        var (name, _) = await AddAsync();

        var list = await silo.RunAsync("tools", "list");

        Assert.Equal(0, list.ExitCode);
        var lines = list.Output.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().Split('\n');
        Assert.StartsWith("TOOL ", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines, l => l.StartsWith(name + " ", StringComparison.Ordinal));
        var health = lines[0].IndexOf("HEALTH", StringComparison.Ordinal);
        var active = lines[0].IndexOf("ACTIVE", StringComparison.Ordinal);
        Assert.Equal("Unknown", row[health..].Split(' ')[0]);
        Assert.Equal("v1", row[active..].Split(' ')[0]);
    }

    [Fact]
    public async Task ToolsShow_Human_ShowsPointersAndWindow()
    {
        var (name, _) = await AddAsync();
        await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""");

        var show = await silo.RunAsync("tools", "show", name);

        Assert.Equal(0, show.ExitCode);
        Assert.Contains($"tool        {name}", show.Output, StringComparison.Ordinal);
        Assert.Contains("active      v1 (previous -)", show.Output, StringComparison.Ordinal);
        Assert.Contains("pinned      -", show.Output, StringComparison.Ordinal);
    }
}
