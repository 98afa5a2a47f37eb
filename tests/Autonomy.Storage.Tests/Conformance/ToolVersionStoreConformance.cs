using System.Data.Common;
using Autonomy.Core.Compilation;
using Autonomy.Core.Storage;

namespace Autonomy.Storage.Tests.Conformance;

/// <summary>The append-only tool version history, identically on every backend.</summary>
public abstract class ToolVersionStoreConformance(StoreBackend backend) : StoreConformance(backend)
{
    private const string Source = "public sealed class Echo { }";

    [ConformanceFact]
    public async Task AppendAsync_FirstVersion_RoundTripsWithHashAndTime()
    {
        var tool = NewToolName();

        var appended = await Stores.Versions.AppendAsync(new NewToolVersion(tool, 1, Source, null, VersionAuthor.Human, "created"));

        var expected = new ToolVersion(tool, 1, Source, SourceHash.Of(Source), null, VersionAuthor.Human, "created", Now);
        Assert.Equal(expected, appended);
        Assert.Equal(expected, await Stores.Versions.GetAsync(tool, 1));
        Assert.Equal(Start.AddTicks(-(Start.Ticks % TimeSpan.TicksPerMillisecond)), appended.CreatedAt);
    }

    [ConformanceFact]
    public async Task ListAsync_SeveralVersions_OldestFirstAndOnlyThatTool()
    {
        var tool = NewToolName();
        var other = NewToolName();
        await Stores.Versions.AppendAsync(new NewToolVersion(tool, 1, "v1", null, VersionAuthor.Human, "created"));
        Time.Advance(TimeSpan.FromMinutes(1));
        await Stores.Versions.AppendAsync(new NewToolVersion(tool, 2, "v2", 1, VersionAuthor.Autonomous, "fix null input"));
        Time.Advance(TimeSpan.FromMinutes(1));
        await Stores.Versions.AppendAsync(new NewToolVersion(tool, 3, "v1", 2, VersionAuthor.Autonomous, "rollback to 1"));
        await Stores.Versions.AppendAsync(new NewToolVersion(other, 1, "other", null, VersionAuthor.Human, "created"));

        var versions = await Stores.Versions.ListAsync(tool);

        Assert.Equal([1, 2, 3], versions.Select(v => v.Version));
        Assert.Equal([null, 1, 2], versions.Select(v => v.ParentVersion));
        Assert.Equal([VersionAuthor.Human, VersionAuthor.Autonomous, VersionAuthor.Autonomous], versions.Select(v => v.Author));
        Assert.Equal(versions[0].SourceHash, versions[2].SourceHash);
        Assert.Equal([Now.AddMinutes(-2), Now.AddMinutes(-1), Now], versions.Select(v => v.CreatedAt));
        Assert.Equal(versions[2], await Stores.Versions.GetLatestAsync(tool));
    }

    [ConformanceFact]
    public async Task ListToolsAsync_SeveralTools_OneRowEachWithLatestVersionCountAndTimes()
    {
        var first = NewToolName();
        var second = NewToolName();
        await Stores.Versions.AppendAsync(new NewToolVersion(first, 1, "v1", null, VersionAuthor.Human, "created"));
        var created = Now;
        Time.Advance(TimeSpan.FromMinutes(1));
        await Stores.Versions.AppendAsync(new NewToolVersion(second, 1, "other", null, VersionAuthor.Human, "created"));
        Time.Advance(TimeSpan.FromMinutes(1));
        await Stores.Versions.AppendAsync(new NewToolVersion(first, 2, "v2", 1, VersionAuthor.Autonomous, "fix"));
        Time.Advance(TimeSpan.FromMinutes(1));
        await Stores.Versions.AppendAsync(new NewToolVersion(first, 3, "v3", 2, VersionAuthor.Autonomous, "fix again"));

        var tools = await Stores.Versions.ListToolsAsync();

        // The database is shared by the tests of the class: other tests' tools may be listed too.
        Assert.Equal(new ToolListing(first, 3, 3, created, Now), Assert.Single(tools, t => t.ToolName == first));
        Assert.Equal(new ToolListing(second, 1, 1, created.AddMinutes(1), created.AddMinutes(1)), Assert.Single(tools, t => t.ToolName == second));
        Assert.Equal(tools.Select(t => t.ToolName).Order(StringComparer.Ordinal), tools.Select(t => t.ToolName));
    }

    [ConformanceFact]
    public async Task ListToolsAsync_NamesThatCollateDifferently_OrdinalOrder()
    {
        var suffix = Guid.NewGuid().ToString("N");
        string[] names = [$"b-{suffix}", $"B-{suffix}", $"a_{suffix}", $"A-{suffix}"];
        foreach (var name in names)
        {
            await Stores.Versions.AppendAsync(new NewToolVersion(name, 1, "v1", null, VersionAuthor.Human, "created"));
        }

        var listed = (await Stores.Versions.ListToolsAsync()).Select(t => t.ToolName).Where(names.Contains).ToList();

        Assert.Equal([$"A-{suffix}", $"B-{suffix}", $"a_{suffix}", $"b-{suffix}"], listed);
    }

    [ConformanceFact]
    public async Task GetAsync_UnknownToolOrVersion_ReturnsNull()
    {
        var tool = NewToolName();
        await Stores.Versions.AppendAsync(new NewToolVersion(tool, 1, Source, null, VersionAuthor.Human, "created"));

        Assert.Null(await Stores.Versions.GetAsync(tool, 2));
        Assert.Null(await Stores.Versions.GetAsync(NewToolName(), 1));
        Assert.Null(await Stores.Versions.GetLatestAsync(NewToolName()));
        Assert.Empty(await Stores.Versions.ListAsync(NewToolName()));
    }

    [ConformanceFact]
    public async Task AppendAsync_ExistingVersion_ThrowsVersionConflictAndKeepsTheFirst()
    {
        var tool = NewToolName();
        var first = await Stores.Versions.AppendAsync(new NewToolVersion(tool, 1, Source, null, VersionAuthor.Human, "created"));

        var conflict = await Assert.ThrowsAsync<VersionConflictException>(
            () => Stores.Versions.AppendAsync(new NewToolVersion(tool, 1, "other source", null, VersionAuthor.Autonomous, "again")));

        Assert.Equal(tool, conflict.ToolName);
        Assert.Equal(1, conflict.Version);
        Assert.Equal($"Version 1 of tool '{tool}' already exists; versions are append-only.", conflict.Message);
        Assert.Equal(first, await Stores.Versions.GetAsync(tool, 1));
    }

    [ConformanceFact]
    public async Task AppendAsync_SameVersionFromEightWritersAtOnce_ExactlyOneWins()
    {
        var tool = NewToolName();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await Stores.Versions.AppendAsync(new NewToolVersion(tool, 1, $"source {i}", null, VersionAuthor.Autonomous, "race"));
                return true;
            }
            catch (VersionConflictException)
            {
                return false;
            }
        }));

        Assert.Equal(1, attempts.Count(won => won));
        Assert.Single(await Stores.Versions.ListAsync(tool));
    }

    [ConformanceFact]
    public async Task AppendAsync_MissingParent_ThrowsArgumentException()
    {
        var tool = NewToolName();
        await Stores.Versions.AppendAsync(new NewToolVersion(tool, 1, Source, null, VersionAuthor.Human, "created"));

        var exception = await Assert.ThrowsAsync<ArgumentException>(
            () => Stores.Versions.AppendAsync(new NewToolVersion(NewToolName(), 2, Source, 1, VersionAuthor.Human, "orphan")));

        Assert.Contains("the parent of version 2", exception.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<DbException>(exception.InnerException);
    }

    [ConformanceFact]
    public async Task AppendAsync_ParentNotOlder_ThrowsArgumentException()
    {
        var tool = NewToolName();

        await Assert.ThrowsAsync<ArgumentException>(
            () => Stores.Versions.AppendAsync(new NewToolVersion(tool, 2, Source, 2, VersionAuthor.Human, "self")));

        Assert.Empty(await Stores.Versions.ListAsync(tool));
    }

    [ConformanceFact]
    public async Task RawUpdateOrDelete_ToolVersions_IsRejectedByTheDatabase()
    {
        var tool = NewToolName();
        var stored = await Stores.Versions.AppendAsync(new NewToolVersion(tool, 1, Source, null, VersionAuthor.Human, "created"));

        var update = await Assert.ThrowsAnyAsync<DbException>(
            () => Database.ExecuteAsync($"UPDATE tool_versions SET reason = 'rewritten' WHERE tool_name = '{tool}'"));
        var delete = await Assert.ThrowsAnyAsync<DbException>(
            () => Database.ExecuteAsync($"DELETE FROM tool_versions WHERE tool_name = '{tool}'"));

        Assert.Contains("tool_versions is append-only: UPDATE is not allowed", update.Message, StringComparison.Ordinal);
        Assert.Contains("tool_versions is append-only: DELETE is not allowed", delete.Message, StringComparison.Ordinal);
        Assert.Equal(stored, await Stores.Versions.GetAsync(tool, 1));
    }
}
