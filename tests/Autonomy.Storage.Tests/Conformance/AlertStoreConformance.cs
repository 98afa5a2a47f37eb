using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>Alerts (tool_alerts): raising once per open alert, listing, acknowledging and resolving, identically on every backend.</summary>
public abstract class AlertStoreConformance(StoreBackend backend) : StoreConformance(backend)
{
    private const string Kind = "delete_valuable";

    private Task<RaisedAlert> RaiseAsync(string tool, string kind = Kind, string details = """{"executions":150}""") =>
        Stores.Alerts.RaiseAsync(new NewToolAlert(tool, kind, $"tool '{tool}' is valuable", details));

    [ConformanceFact]
    public async Task RaiseAsync_NewAlert_StoredOpenAndUnacknowledged()
    {
        var tool = NewToolName();

        var raised = await RaiseAsync(tool);

        Assert.True(raised.Created);
        var alert = raised.Alert;
        Assert.Equal(
            (tool, Kind, $"tool '{tool}' is valuable", Now, (DateTimeOffset?)null, (string?)null, (DateTimeOffset?)null, (string?)null),
            (alert.ToolName, alert.Kind, alert.Message, alert.CreatedAt, alert.AcknowledgedAt, alert.AcknowledgedBy, alert.ResolvedAt, alert.Resolution));
        AssertJsonEqual("""{"executions":150}""", alert.DetailsJson);
        Assert.Equal(alert, await Stores.Alerts.GetAsync(alert.Id));
        Assert.Equal(alert, await Stores.Alerts.GetOpenAsync(tool, Kind));
    }

    [ConformanceFact]
    public async Task RaiseAsync_OpenAlertOfTheToolAndKind_ReturnsItUnchangedWhetherAcknowledgedOrNot()
    {
        var tool = NewToolName();
        var first = await RaiseAsync(tool);
        Time.Advance(TimeSpan.FromDays(1));

        var again = await RaiseAsync(tool, details: """{"executions":151}""");
        var acknowledged = await Stores.Alerts.AcknowledgeAsync(first.Alert.Id, "ada");
        Assert.NotNull(acknowledged);
        var afterAcknowledgement = await RaiseAsync(tool);

        Assert.Equal(new RaisedAlert(first.Alert, false), again);
        Assert.Equal(new RaisedAlert(acknowledged, false), afterAcknowledgement);
        Assert.Equal([first.Alert.Id], (await Stores.Alerts.ListAsync(true, 1000)).Where(a => a.ToolName == tool).Select(a => a.Id));
    }

    [ConformanceFact]
    public async Task RaiseAsync_AfterTheOpenAlertIsResolved_RaisesANewOne()
    {
        var tool = NewToolName();
        var first = await RaiseAsync(tool);
        await Stores.Alerts.ResolveAsync(first.Alert.Id, "its file is back");
        Time.Advance(TimeSpan.FromHours(1));

        var second = await RaiseAsync(tool);

        Assert.True(second.Created);
        Assert.NotEqual(first.Alert.Id, second.Alert.Id);
        Assert.Equal(Now, second.Alert.CreatedAt);
        Assert.Equal(second.Alert, await Stores.Alerts.GetOpenAsync(tool, Kind));
    }

    [ConformanceFact]
    public async Task RaiseAsync_OtherKindOrTool_RaisedSeparately()
    {
        var tool = NewToolName();
        var otherTool = NewToolName();

        var raised = new[] { await RaiseAsync(tool), await RaiseAsync(tool, "archive_valuable"), await RaiseAsync(otherTool) };

        Assert.All(raised, r => Assert.True(r.Created));
        Assert.Equal(3, raised.Select(r => r.Alert.Id).Distinct().Count());
        Assert.Equal(raised[1].Alert, await Stores.Alerts.GetOpenAsync(tool, "archive_valuable"));
        Assert.Null(await Stores.Alerts.GetOpenAsync(otherTool, "archive_valuable"));
    }

    [ConformanceFact]
    public async Task RaiseAsync_DetailsNotJson_Rejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => RaiseAsync(NewToolName(), details: "not json"));
    }

    [ConformanceFact]
    public async Task AcknowledgeAsync_OpenAlert_RecordsWhoAndWhenOnce()
    {
        var alert = (await RaiseAsync(NewToolName())).Alert;
        Time.Advance(TimeSpan.FromMinutes(5));

        var acknowledged = await Stores.Alerts.AcknowledgeAsync(alert.Id, "ada");
        var again = await Stores.Alerts.AcknowledgeAsync(alert.Id, "grace");
        var missing = await Stores.Alerts.AcknowledgeAsync(alert.Id + 100_000, "grace");

        Assert.Equal(alert with { AcknowledgedAt = Now, AcknowledgedBy = "ada" }, acknowledged);
        Assert.Equal(acknowledged, await Stores.Alerts.GetAsync(alert.Id));
        Assert.Null(again);
        Assert.Null(missing);
        Assert.Null(await Stores.Alerts.GetAsync(alert.Id + 100_000));
    }

    [ConformanceFact]
    public async Task ResolveAsync_OpenAlert_ClosesItOnce()
    {
        var tool = NewToolName();
        var alert = (await RaiseAsync(tool)).Alert;
        Time.Advance(TimeSpan.FromMinutes(5));

        var resolved = await Stores.Alerts.ResolveAsync(alert.Id, "the tool was deleted");
        var again = await Assert.ThrowsAsync<InvalidOperationException>(() => Stores.Alerts.ResolveAsync(alert.Id, "twice"));

        Assert.Equal(alert with { ResolvedAt = Now, Resolution = "the tool was deleted" }, resolved);
        Assert.Null(await Stores.Alerts.GetOpenAsync(tool, Kind));
        Assert.Equal($"Alert {alert.Id} is already resolved: the tool was deleted.", again.Message);
    }

    [ConformanceFact]
    public async Task ListAsync_MixedStates_WaitingOnlyByDefaultEverythingWithAcknowledged_NewestFirst()
    {
        // Later than any other test's alerts, so this test's are the newest in the shared database.
        Time.Advance(TimeSpan.FromDays(3650));
        var tools = Enumerable.Range(0, 4).Select(_ => NewToolName()).ToList();
        var alerts = new List<ToolAlert>();
        foreach (var tool in tools)
        {
            alerts.Add((await RaiseAsync(tool)).Alert);
            Time.Advance(TimeSpan.FromMinutes(1));
        }

        var acknowledged = await Stores.Alerts.AcknowledgeAsync(alerts[1].Id, "ada");
        Assert.NotNull(acknowledged);
        var resolved = await Stores.Alerts.ResolveAsync(alerts[2].Id, "its file is back");

        var waiting = await Stores.Alerts.ListAsync(false, 1000);
        var everything = await Stores.Alerts.ListAsync(true, 1000);
        var newest = await Stores.Alerts.ListAsync(true, 2);
        var open = await Stores.Alerts.ListOpenAsync(10_000);

        Assert.Equal([alerts[3], alerts[0]], waiting.Where(a => tools.Contains(a.ToolName)));
        Assert.Equal([alerts[3], resolved, acknowledged, alerts[0]], everything.Where(a => tools.Contains(a.ToolName)));
        Assert.Equal([alerts[3], resolved], newest);
        Assert.Equal([alerts[0], acknowledged, alerts[3]], open.Where(a => tools.Contains(a.ToolName)));
    }
}
