using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Lifecycle;
using Autonomy.Core.Storage;
using Autonomy.Grains.Tests.Support;

namespace Autonomy.Grains.Tests.Lifecycle;

/// <summary>
/// Folder sync through the loop's maintenance, over a real tools folder: new, changed, deleted and renamed files, and
/// a valuable tool whose file is deleted. Each test uses tools of its own; the lines of other tools are ignored.
/// </summary>
public sealed class FolderSyncTests(FolderSyncClusterFixture fixture) : IClassFixture<FolderSyncClusterFixture>
{
    private IToolGrain Tool(string name) => fixture.Client.GetGrain<IToolGrain>(name);

    private IToolExecutorGrain Worker => fixture.Client.GetGrain<IToolExecutorGrain>(0);

    private ILifecycleEventStore Lifecycle => fixture.Service<ILifecycleEventStore>();

    private static string Mark(ToolExecutionReply reply) =>
        JsonDocument.Parse(reply.Result.Output!).RootElement.GetProperty("mark").GetRawText();

    /// <summary>Runs maintenance and returns its lines about these tools.</summary>
    private async Task<List<string>> SyncAsync(params string[] tools) =>
        [.. (await fixture.RunMaintenanceAsync()).Where(line => tools.Any(tool => line.Contains($"'{tool}'", StringComparison.Ordinal) || line.Contains($"{tool}.cs", StringComparison.Ordinal)))];

    private async Task AddAsync(string name, int mark)
    {
        fixture.Write($"{name}.cs", ToolSources.Echo(name, mark));
        Assert.Equal([$"registered tool '{name}' version 1 from {name}.cs, deployed"], await SyncAsync(name));
    }

    [Fact]
    public async Task Maintenance_NewFile_RegistersAndDeploysAHumanVersionOnce()
    {
        var name = ToolDriver.NewName("folder_add");
        fixture.Write($"{name}.cs", ToolSources.Echo(name, 1));

        var lines = await SyncAsync(name);
        var again = await SyncAsync(name);

        Assert.Equal([$"registered tool '{name}' version 1 from {name}.cs, deployed"], lines);
        Assert.Empty(again);
        var description = await Tool(name).DescribeAsync();
        var version = Assert.Single(description.Versions);
        Assert.Equal((1, "human", $"tools folder: {name}.cs"), (description.ActiveVersion!.Value, version.Author, version.Reason));
        var creation = Assert.Single(await Lifecycle.ListCreationsAsync(name));
        Assert.Equal((FolderSyncPlanner.CreationReason, (int?)1, VersionAuthor.Human), (creation.Reason, creation.Version, creation.CreatedBy));
        Assert.Equal("1", Mark(await Worker.ExecuteAsync(name, """{"n": 1}""")));
    }

    [Fact]
    public async Task Maintenance_FileChangedAfterAnAutonomousFix_TheNewHumanVersionWinsAndItsEventSaysWhatItReplaced()
    {
        var name = ToolDriver.NewName("folder_change");
        await AddAsync(name, 1);
        var fix = await Tool(name).RegisterVersionAsync(ToolSources.Echo(name, 2), "autonomous", "a repair");
        Assert.True((await Tool(name).DeployAsync(fix.Version!.Value)).Succeeded);

        // The file still holds version 1: the store moved on, and the file is not an edit.
        Assert.Empty(await SyncAsync(name));
        Assert.Equal(2, (await Tool(name).DescribeAsync()).ActiveVersion);

        fixture.Write($"{name}.cs", ToolSources.Echo(name, 3));
        var lines = await SyncAsync(name);

        Assert.Equal([$"tool '{name}': version 3 from {name}.cs, deployed, replacing version 2 (autonomous)"], lines);
        var description = await Tool(name).DescribeAsync();
        Assert.Equal((3, 2), (description.ActiveVersion!.Value, description.PreviousVersion!.Value));
        Assert.Equal(("human", $"{name}.cs changed in the tools folder; replaces version 2 (autonomous)"), (description.Versions[^1].Author, description.Versions[^1].Reason));
        var changed = (await Lifecycle.ListEventsAsync(name, 20)).First(e => e.EventType == "source_changed");
        using var details = JsonDocument.Parse(changed.DetailsJson);
        Assert.Equal(
            (3, 2, "autonomous", true),
            (changed.Version!.Value, details.RootElement.GetProperty("replacedVersion").GetInt32(), details.RootElement.GetProperty("replacedAuthor").GetString(), details.RootElement.GetProperty("deployed").GetBoolean()));
        Assert.Equal("3", Mark(await Worker.ExecuteAsync(name, """{"n": 1}""")));
    }

    [Fact]
    public async Task Maintenance_FileDeleted_ToolDeletedUntilItsFileComesBack()
    {
        var name = ToolDriver.NewName("folder_delete");
        await AddAsync(name, 1);

        fixture.Remove($"{name}.cs");
        var deleted = await SyncAsync(name);
        var whileDeleted = await Worker.ExecuteAsync(name, """{"n": 1}""");
        var description = await Tool(name).DescribeAsync();
        var events = await Lifecycle.ListEventsAsync(name, 1);
        var stillGone = await SyncAsync(name);
        fixture.Write($"{name}.cs", ToolSources.Echo(name, 1));
        var revived = await SyncAsync(name);

        Assert.Equal([$"deleted tool '{name}': its file is gone from the tools folder"], deleted);
        Assert.Equal((ToolExecutionStatus.Deleted, $"tool '{name}' is deleted"), (whileDeleted.Status, whileDeleted.Result.Message));
        Assert.Equal((ToolHealth.Deleted, (int?)1), (description.Health, description.ActiveVersion));
        Assert.Equal(("deleted", (ToolStatus?)ToolStatus.Active, (ToolStatus?)ToolStatus.Deleted), (events[0].EventType, events[0].FromStatus, events[0].ToStatus));
        Assert.Empty(stillGone);
        Assert.Equal([$"restored tool '{name}' (it was deleted): its file is back in the tools folder ({name}.cs)"], revived);
        Assert.Equal(ToolExecutionStatus.Executed, (await Worker.ExecuteAsync(name, """{"n": 1}""")).Status);
        Assert.Single((await Tool(name).DescribeAsync()).Versions);
    }

    [Fact]
    public async Task Maintenance_ToolRenamedInTheFolder_NewToolRegisteredOldOneDeletedAndTheRenameRecorded()
    {
        var old = ToolDriver.NewName("folder_old");
        var renamed = ToolDriver.NewName("folder_new");
        await AddAsync(old, 1);

        fixture.Remove($"{old}.cs");
        fixture.Write($"{renamed}.cs", ToolSources.Echo(renamed, 1));
        var lines = await SyncAsync(old, renamed);

        Assert.Equal(
            [
                $"registered tool '{renamed}' version 1 from {renamed}.cs (renamed from '{old}'), deployed",
                $"deleted tool '{old}': it was renamed to '{renamed}' in the tools folder",
            ],
            lines);
        using var creation = JsonDocument.Parse(Assert.Single(await Lifecycle.ListCreationsAsync(renamed)).DetailsJson);
        Assert.Equal(old, creation.RootElement.GetProperty("renamedFrom").GetString());
        var oldEvents = await Lifecycle.ListEventsAsync(old, 2);
        Assert.Equal(["renamed", "deleted"], oldEvents.Select(e => e.EventType));
        using var rename = JsonDocument.Parse(oldEvents[0].DetailsJson);
        Assert.Equal(renamed, rename.RootElement.GetProperty("to").GetString());
        Assert.Equal(ToolExecutionStatus.Deleted, (await Worker.ExecuteAsync(old, """{"n": 1}""")).Status);
        Assert.Equal(ToolExecutionStatus.Executed, (await Worker.ExecuteAsync(renamed, """{"n": 1}""")).Status);
    }

    [Fact]
    public async Task Maintenance_ValuableToolsFileDeleted_AlertRaisedOnceToolKeptUntilTheAlertIsAcknowledged()
    {
        var name = ToolDriver.NewName("folder_valuable");
        await AddAsync(name, 1);
        await ExecutionSeed.RecordAsync(fixture, name, successes: 3, failures: 0);
        var alerts = fixture.Client.GetGrain<IAlertGrain>(IAlertGrain.Key);

        fixture.Remove($"{name}.cs");
        var first = await SyncAsync(name);
        var alert = Assert.Single(await alerts.ListAsync(false, 200), a => a.ToolName == name);
        var kept = await Worker.ExecuteAsync(name, """{"n": 1}""");
        var second = await SyncAsync(name);
        var acknowledged = await alerts.AcknowledgeAsync(alert.Id, "ada");
        var again = await alerts.AcknowledgeAsync(alert.Id, "grace");
        var missing = await alerts.AcknowledgeAsync(alert.Id + 100_000, "grace");
        var third = await SyncAsync(name);

        Assert.Equal(LifecycleAlertKinds.DeleteValuable, alert.Kind);
        var line = Assert.Single(first);
        Assert.StartsWith(
            $"raised alert {alert.Id} (delete_valuable) instead of acting: tool '{name}': its file is gone from the tools folder, but it is valuable (used in the last 7 days",
            line,
            StringComparison.Ordinal);
        Assert.StartsWith($"tool '{name}': its file is gone from the tools folder, but it is valuable", alert.Message, StringComparison.Ordinal);
        using (var details = JsonDocument.Parse(alert.DetailsJson))
        {
            Assert.Equal(3, details.RootElement.GetProperty("executions").GetInt64());
        }

        Assert.Equal(ToolExecutionStatus.Executed, kept.Status);
        Assert.Equal([$"tool '{name}' is kept: alert {alert.Id} (delete_valuable) still waits for acknowledgement"], second);
        Assert.Equal(AlertAcknowledgementStatus.Acknowledged, acknowledged.Status);
        Assert.StartsWith($"acknowledged; the next maintenance run deletes tool '{name}'", acknowledged.Message, StringComparison.Ordinal);
        Assert.Equal(AlertAcknowledgementStatus.AlreadyAcknowledged, again.Status);
        Assert.Equal(("ada", "ada"), (acknowledged.Alert!.AcknowledgedBy, again.Alert!.AcknowledgedBy));
        Assert.Equal($"Alert {alert.Id} was already acknowledged by ada at {acknowledged.Alert.AcknowledgedAt:u}.", again.Message);
        Assert.Equal(AlertAcknowledgementStatus.NotFound, missing.Status);
        Assert.Null(missing.Alert);
        Assert.Equal($"there is no alert {alert.Id + 100_000}; 'autonomy alerts --all' lists them", missing.Message);
        Assert.Equal(
            [$"deleted tool '{name}': its file is gone from the tools folder; it is valuable, and alert {alert.Id} was acknowledged by ada"],
            third);
        Assert.Equal(ToolExecutionStatus.Deleted, (await Worker.ExecuteAsync(name, """{"n": 1}""")).Status);
        var resolved = Assert.Single(await alerts.ListAsync(true, 200), a => a.ToolName == name);
        Assert.Equal(("ada", "the tool was deleted after ada acknowledged the alert"), (resolved.AcknowledgedBy, resolved.Resolution));
        Assert.DoesNotContain(await alerts.ListAsync(false, 200), a => a.ToolName == name);
    }
}
