using Autonomy.Core.Compilation;
using Autonomy.Core.Lifecycle;

namespace Autonomy.Core.Tests.Lifecycle;

public sealed class ToolFolderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"autonomy-folder-{Guid.NewGuid():N}");

    public ToolFolderTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void Write(string file, string text) => File.WriteAllText(Path.Combine(_directory, file), text);

    [Fact]
    public async Task ReadAsync_MixedFiles_ToolsByFileNameAndProblemsForTheRest()
    {
        Write("b.cs", LifecycleSources.Echo("beta", 1));
        Write("a.cs", LifecycleSources.Echo("alpha", 1));
        Write("dup1.cs", LifecycleSources.Echo("twice", 1));
        Write("dup2.cs", LifecycleSources.Echo("twice", 2));
        Write("notes.cs", "// no tool here");
        Write("readme.md", "not a source");
        Directory.CreateDirectory(Path.Combine(_directory, "nested"));
        Write(Path.Combine("nested", "c.cs"), LifecycleSources.Echo("gamma", 1));

        var scan = await ToolFolder.ReadAsync(_directory);

        Assert.True(scan.Exists);
        Assert.Equal(Path.GetFullPath(_directory), scan.Directory);
        Assert.Equal([("a.cs", "alpha"), ("b.cs", "beta")], scan.Files.Select(f => (f.FileName, f.ToolName)));
        Assert.Equal(SourceHash.Of(LifecycleSources.Echo("alpha", 1)), scan.Files[0].SourceHash);
        Assert.Equal(["alpha", "beta", "twice"], scan.Claimed.Order(StringComparer.Ordinal));
        Assert.Equal(
            [
                "notes.cs: declares no tool (one class with [Tool(\"name\", ...)] is needed); skipped",
                "dup1.cs, dup2.cs: all declare the tool 'twice'; skipped until one remains",
            ],
            scan.Problems);
    }

    [Fact]
    public async Task ReadAsync_MissingFolder_DoesNotExist()
    {
        var scan = await ToolFolder.ReadAsync(Path.Combine(_directory, "missing"));

        Assert.False(scan.Exists);
        Assert.Empty(scan.Files);
    }

    [Fact]
    public async Task WriteBackAsync_FileUnchanged_Replaced()
    {
        var old = LifecycleSources.Echo("alpha", 1);
        Write("a.cs", old);

        var written = await ToolFolder.WriteBackAsync(_directory, "a.cs", SourceHash.Of(old), LifecycleSources.Echo("alpha", 2));

        Assert.True(written);
        Assert.Equal(LifecycleSources.Echo("alpha", 2), await File.ReadAllTextAsync(Path.Combine(_directory, "a.cs")));
        Assert.Equal(["a.cs"], Directory.EnumerateFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public async Task WriteBackAsync_FileChangedSinceRead_LeftAlone()
    {
        Write("a.cs", LifecycleSources.Echo("alpha", 3));

        var written = await ToolFolder.WriteBackAsync(_directory, "a.cs", SourceHash.Of(LifecycleSources.Echo("alpha", 1)), LifecycleSources.Echo("alpha", 2));

        Assert.False(written);
        Assert.Equal(LifecycleSources.Echo("alpha", 3), await File.ReadAllTextAsync(Path.Combine(_directory, "a.cs")));
    }
}
