using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>Creation and lifecycle events and the tool_lifecycle_summary view, identically on every backend.</summary>
public abstract class LifecycleEventStoreConformance(StoreBackend backend) : StoreConformance(backend)
{
    [ConformanceFact]
    public async Task RecordCreationAsync_RoundTrips()
    {
        var tool = NewToolName();

        var creation = await Stores.Lifecycle.RecordCreationAsync(
            new NewToolCreationEvent(tool, 1, VersionAuthor.Autonomous, "abc123", "requested by goal g-1", """{"goal":"g-1"}"""));

        Assert.Equal((tool, (int?)1, VersionAuthor.Autonomous, "abc123", "requested by goal g-1", Now),
            (creation.ToolName, creation.Version, creation.CreatedBy, creation.SourceHash, creation.Reason, creation.CreatedAt));
        AssertJsonEqual("""{"goal":"g-1"}""", creation.DetailsJson);
        Assert.Equal([creation], await Stores.Lifecycle.ListCreationsAsync(tool));
    }

    [ConformanceFact]
    public async Task ListToolsCreatedForAsync_SeveralReasons_TheToolsOfThatReasonOnceByName()
    {
        var reason = $"registered from folder {Guid.NewGuid():N}";
        var second = "b" + NewToolName();
        var first = "a" + NewToolName();
        var other = NewToolName();
        await Stores.Lifecycle.RecordCreationAsync(new NewToolCreationEvent(second, 1, VersionAuthor.Human, null, reason, "{}"));
        await Stores.Lifecycle.RecordCreationAsync(new NewToolCreationEvent(first, 1, VersionAuthor.Human, null, reason, "{}"));
        await Stores.Lifecycle.RecordCreationAsync(new NewToolCreationEvent(first, null, VersionAuthor.Human, null, reason, """{"adopted":true}"""));
        await Stores.Lifecycle.RecordCreationAsync(new NewToolCreationEvent(other, 1, VersionAuthor.Human, null, "written by hand", "{}"));

        Assert.Equal([first, second], await Stores.Lifecycle.ListToolsCreatedForAsync(reason));
        Assert.Empty(await Stores.Lifecycle.ListToolsCreatedForAsync(reason + " elsewhere"));
    }

    [ConformanceFact]
    public async Task ListEventsAsync_SeveralEvents_NewestFirstWithinLimit()
    {
        var tool = NewToolName();
        var deployed = await Stores.Lifecycle.RecordEventAsync(new NewLifecycleEvent(tool, "deployed", null, ToolStatus.Active, 1, "{}"));
        Time.Advance(TimeSpan.FromDays(90));
        var archived = await Stores.Lifecycle.RecordEventAsync(
            new NewLifecycleEvent(tool, "archived", ToolStatus.Active, ToolStatus.Archived, 1, """{"uses":3}"""));

        Assert.Equal([archived, deployed], await Stores.Lifecycle.ListEventsAsync(tool, 10));
        Assert.Equal([archived], await Stores.Lifecycle.ListEventsAsync(tool, 1));
        Assert.Equal((ToolStatus?)ToolStatus.Active, archived.FromStatus);
        Assert.Null(deployed.FromStatus);
    }

    [ConformanceFact]
    public async Task ListEventsAfterAsync_EventsOfSeveralTools_OldestFirstAfterTheIdWithinLimit()
    {
        var first = NewToolName();
        var second = NewToolName();
        var before = await Stores.Lifecycle.RecordEventAsync(new NewLifecycleEvent(first, "version_registered", null, null, 1, "{}"));
        var deployed = await Stores.Lifecycle.RecordEventAsync(new NewLifecycleEvent(first, "deployed", null, ToolStatus.Active, 1, """{"previousVersion":null}"""));
        Time.Advance(TimeSpan.FromMinutes(1));
        var other = await Stores.Lifecycle.RecordEventAsync(new NewLifecycleEvent(second, "deployed", null, ToolStatus.Active, 3, "{}"));
        Time.Advance(TimeSpan.FromMinutes(1));
        var rolledBack = await Stores.Lifecycle.RecordEventAsync(
            new NewLifecycleEvent(first, "rolled_back", null, null, 1, """{"fromVersion":2,"reason":"regression","automatic":true}"""));

        Assert.Equal([deployed, other, rolledBack], await Stores.Lifecycle.ListEventsAfterAsync(before.Id, 10));
        Assert.Equal([deployed, other], await Stores.Lifecycle.ListEventsAfterAsync(before.Id, 2));
        Assert.Equal([rolledBack], await Stores.Lifecycle.ListEventsAfterAsync(other.Id, 10));
        Assert.Empty(await Stores.Lifecycle.ListEventsAfterAsync(rolledBack.Id, 10));
        AssertJsonEqual("""{"fromVersion":2,"reason":"regression","automatic":true}""", rolledBack.DetailsJson);
    }

    [ConformanceFact]
    public async Task GetSummaryAsync_CreatedThenArchived_ShowsFirstCreationLatestStatusAndCounts()
    {
        var tool = NewToolName();
        var created = Now;
        await Stores.Lifecycle.RecordCreationAsync(new NewToolCreationEvent(tool, 1, VersionAuthor.Human, null, "written by hand", "{}"));
        Time.Advance(TimeSpan.FromMinutes(1));
        await Stores.Lifecycle.RecordCreationAsync(new NewToolCreationEvent(tool, 2, VersionAuthor.Autonomous, null, "recreated", "{}"));
        await Stores.Lifecycle.RecordEventAsync(new NewLifecycleEvent(tool, "deployed", null, ToolStatus.Active, 1, "{}"));
        Time.Advance(TimeSpan.FromMinutes(1));
        await Stores.Lifecycle.RecordEventAsync(new NewLifecycleEvent(tool, "archived", ToolStatus.Active, ToolStatus.Archived, 1, "{}"));
        Time.Advance(TimeSpan.FromMinutes(1));
        await Stores.Lifecycle.RecordEventAsync(new NewLifecycleEvent(tool, "note", null, null, null, """{"text":"kept for audit"}"""));

        var summary = await Stores.Lifecycle.GetSummaryAsync(tool);

        Assert.Equal(new ToolLifecycleSummary(tool, created, VersionAuthor.Human, ToolStatus.Archived, 3, "note", Now), summary);
    }

    [ConformanceFact]
    public async Task GetSummaryAsync_OnlyCreationOrOnlyEvents_FillsWhatIsKnown()
    {
        var createdOnly = NewToolName();
        var eventsOnly = NewToolName();
        await Stores.Lifecycle.RecordCreationAsync(new NewToolCreationEvent(createdOnly, 1, VersionAuthor.Autonomous, null, "new", "{}"));
        await Stores.Lifecycle.RecordEventAsync(new NewLifecycleEvent(eventsOnly, "deleted", ToolStatus.Active, ToolStatus.Deleted, 4, "{}"));

        Assert.Equal(
            new ToolLifecycleSummary(createdOnly, Now, VersionAuthor.Autonomous, ToolStatus.Active, 0, null, null),
            await Stores.Lifecycle.GetSummaryAsync(createdOnly));
        Assert.Equal(
            new ToolLifecycleSummary(eventsOnly, null, null, ToolStatus.Deleted, 1, "deleted", Now),
            await Stores.Lifecycle.GetSummaryAsync(eventsOnly));
        Assert.Null(await Stores.Lifecycle.GetSummaryAsync(NewToolName()));
        var names = (await Stores.Lifecycle.ListSummariesAsync()).Select(s => s.ToolName).ToList();
        Assert.Contains(createdOnly, names);
        Assert.Contains(eventsOnly, names);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
    }
}
