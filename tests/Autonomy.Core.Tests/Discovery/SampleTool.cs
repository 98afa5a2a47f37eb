using Autonomy.Abstractions.Tools;
using Autonomy.Core.Tests.Support;

namespace Autonomy.Core.Tests.Discovery;

/// <summary>A sample tool of samples/tools with its source and the metadata the compiler read from it.</summary>
internal sealed record SampleTool(string Name, string Source, ToolMetadata Metadata)
{
    private static readonly Lazy<Task<IReadOnlyList<SampleTool>>> s_all = new(LoadAsync);

    /// <summary>The sample tools in file-name order, compiled once per test run.</summary>
    public static Task<IReadOnlyList<SampleTool>> AllAsync() => s_all.Value;

    private static async Task<IReadOnlyList<SampleTool>> LoadAsync()
    {
        var samples = new List<SampleTool>();
        foreach (var file in Directory.GetFiles(RepositoryPaths.SampleTools, "*.cs").Order(StringComparer.Ordinal))
        {
            var source = await File.ReadAllTextAsync(file);
            // Not unloaded: the shared compiler caches by source, and the sample tests run the same builds.
            var tool = await CompiledTools.CompileAsync(source);
            samples.Add(new SampleTool(tool.Metadata.Name, source, tool.Metadata));
        }

        return samples;
    }
}
