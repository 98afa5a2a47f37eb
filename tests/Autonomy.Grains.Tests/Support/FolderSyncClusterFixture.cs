using Autonomy.Abstractions.Grains;

namespace Autonomy.Grains.Tests.Support;

/// <summary>
/// A one-silo cluster whose lifecycle manager syncs a tools folder of its own (inside the fixture's temp folder). The
/// folder always holds a keeper tool, so that a test that removes its own file never empties the folder (folder sync
/// deletes nothing from an empty folder).
/// </summary>
public sealed class FolderSyncClusterFixture : ClusterFixture
{
    public FolderSyncClusterFixture()
    {
        ToolsFolder = Path.Combine(Path.GetDirectoryName(DatabasePath)!, "tools");
        Directory.CreateDirectory(ToolsFolder);
        Write($"{KeeperName}.cs", ToolSources.Echo(KeeperName, 1));
    }

    /// <summary>The tool that never leaves the folder.</summary>
    public string KeeperName { get; } = ToolDriver.NewName("keeper");

    public string ToolsFolder { get; }

    /// <summary>Writes (or replaces) a file of the tools folder.</summary>
    public void Write(string fileName, string source) => File.WriteAllText(Path.Combine(ToolsFolder, fileName), source);

    /// <summary>Removes a file from the tools folder.</summary>
    public void Remove(string fileName) => File.Delete(Path.Combine(ToolsFolder, fileName));

    /// <summary>Runs maintenance now through the loop's coordinator, checks that it did not fail, and returns its lines.</summary>
    public async Task<IReadOnlyList<string>> RunMaintenanceAsync()
    {
        var result = await Client.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey).RunMaintenanceNowAsync();
        Assert.Null(result.Error);
        return result.Actions;
    }

    protected override void ConfigureSettings(IDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Autonomy:Lifecycle:ToolsFolder"] = ToolsFolder;
    }
}
