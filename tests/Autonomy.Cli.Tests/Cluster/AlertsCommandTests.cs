using System.Text.Json;

namespace Autonomy.Cli.Tests.Cluster;

/// <summary>
/// The alerts, maintenance and restore commands against a real embedded silo that syncs a tools folder: a valuable
/// tool's file is deleted, the alert is listed and acknowledged, maintenance deletes the tool, and restore brings it back.
/// </summary>
public sealed class AlertsCommandTests(LifecycleSiloFixture silo) : IClassFixture<LifecycleSiloFixture>
{
    private static JsonElement Json(CliRunner.Run run)
    {
        using var document = JsonDocument.Parse(run.Output);
        return document.RootElement.Clone();
    }

    private static IEnumerable<string> Actions(CliRunner.Run run) =>
        Json(run).GetProperty("actions").EnumerateArray().Select(a => a.GetString()!);

    [Fact]
    public async Task Alerts_ValuableToolsFileDeleted_ListedAcknowledgedThenDeletedAndRestored()
    {
        var name = ClusterSiloFixture.NewToolName();
        silo.Write($"{name}.cs", ClusterSiloFixture.ToolSource(name, "return new JsonObject { [\"result\"] = n + 1 };"));
        var registered = await silo.RunAsync("maintenance", "run", "--json");
        Assert.True(registered.ExitCode == 0, registered.Error);
        Assert.Contains($"registered tool '{name}' version 1 from {name}.cs, deployed", Actions(registered));

        // Used just now: valuable.
        Assert.Equal(0, (await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""")).ExitCode);
        await silo.FlushExecutionLogAsync();
        silo.Remove($"{name}.cs");

        var held = await silo.RunAsync("maintenance", "run");
        var listed = await silo.RunAsync("alerts", "--json");
        var table = await silo.RunAsync("alerts");

        Assert.True(held.ExitCode == 0, held.Error);
        Assert.Contains($"(delete_valuable) instead of acting: tool '{name}': its file is gone from the tools folder, but it is valuable", held.Output, StringComparison.Ordinal);
        Assert.Equal(0, listed.ExitCode);
        var alert = Assert.Single(Json(listed).GetProperty("alerts").EnumerateArray(), a => a.GetProperty("tool").GetString() == name);
        var id = alert.GetProperty("id").GetInt64();
        Assert.Equal("delete_valuable", alert.GetProperty("kind").GetString());
        Assert.Equal(1, alert.GetProperty("details").GetProperty("executions").GetInt64());
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("acknowledgedAt").ValueKind);
        Assert.Equal(0, table.ExitCode);
        Assert.StartsWith("ID", table.Output, StringComparison.Ordinal);
        Assert.Contains(name, table.Output, StringComparison.Ordinal);
        Assert.Equal(0, (await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""")).ExitCode);

        var ack = await silo.RunAsync("alerts", "ack", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "--as", "ada", "--json");
        var again = await silo.RunAsync("alerts", "ack", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var missing = await silo.RunAsync("alerts", "ack", "987654321");

        Assert.True(ack.ExitCode == 0, ack.Error);
        var acknowledged = Json(ack);
        Assert.Equal("Acknowledged", acknowledged.GetProperty("status").GetString());
        Assert.Equal("ada", acknowledged.GetProperty("alert").GetProperty("acknowledgedBy").GetString());
        Assert.StartsWith($"acknowledged; the next maintenance run deletes tool '{name}'", acknowledged.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, again.ExitCode);
        Assert.Contains($"already acknowledged by ada", again.Error, StringComparison.Ordinal);
        Assert.Equal(4, missing.ExitCode);
        Assert.Contains("there is no alert 987654321", missing.Error, StringComparison.Ordinal);

        var deleted = await silo.RunAsync("maintenance", "run", "--json");
        var refused = await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""");
        var waiting = await silo.RunAsync("alerts");
        var all = await silo.RunAsync("alerts", "--all", "--json");

        Assert.Contains(
            $"deleted tool '{name}': its file is gone from the tools folder; it is valuable, and alert {id} was acknowledged by ada",
            Actions(deleted));
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains($"tool '{name}' is deleted", refused.Error, StringComparison.Ordinal);
        Assert.Equal("no alert waits for acknowledgement; 'autonomy alerts --all' lists every alert", waiting.Output.Trim());
        var resolved = Assert.Single(Json(all).GetProperty("alerts").EnumerateArray(), a => a.GetProperty("id").GetInt64() == id);
        Assert.Equal("the tool was deleted after ada acknowledged the alert", resolved.GetProperty("resolution").GetString());

        var restore = await silo.RunAsync("tools", "restore", name, "--json");

        Assert.True(restore.ExitCode == 0, restore.Error);
        var restored = Json(restore);
        Assert.True(restored.GetProperty("succeeded").GetBoolean());
        Assert.Equal("restored (it was deleted)", restored.GetProperty("message").GetString());
        Assert.Equal(0, (await silo.RunAsync("tools", "run", name, "--input", """{"n": 1}""")).ExitCode);
    }

    [Fact]
    public async Task ToolsRestore_UnknownTool_NotFound()
    {
        var run = await silo.RunAsync("tools", "restore", ClusterSiloFixture.NewToolName());

        Assert.Equal(4, run.ExitCode);
        Assert.Contains("no tool is named", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolsRestore_ToolInService_OkAndSaysNothingToRestore()
    {
        var name = ClusterSiloFixture.NewToolName();
        silo.Write($"{name}.cs", ClusterSiloFixture.ToolSource(name, "return new JsonObject { [\"result\"] = n };"));
        Assert.Equal(0, (await silo.RunAsync("maintenance", "run")).ExitCode);

        var run = await silo.RunAsync("tools", "restore", name);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"{name}: the tool is in service; nothing to restore", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertsAck_IdNotPositive_UsageError()
    {
        var run = await silo.RunAsync("alerts", "ack", "0");

        Assert.Equal(64, run.ExitCode);
        Assert.Contains("the alert id must be positive", run.Error, StringComparison.Ordinal);
    }
}
