using System.Globalization;
using System.Runtime.CompilerServices;
using Autonomy.Abstractions.Tools;
using Autonomy.Benchmarks.Storage;
using Autonomy.Core.Compilation;
using Autonomy.Core.Discovery;
using Autonomy.Discovery;

namespace Autonomy.Benchmarks.Discovery;

/// <summary>
/// The <c>discovery</c> mode: semantic search over 100,000 tool embeddings against a raw dot-product scan, one real
/// MiniLM embedding of a query, and duplicate detection over 10,000 synthetic tool sources against an exhaustive
/// comparison of every pair. See docs/bench-discovery.md.
/// </summary>
internal static class DiscoveryBenchmarks
{
    /// <summary>The argument that selects this mode.</summary>
    public const string Command = "discovery";

    /// <summary>Runs <c>discovery [search|duplicates|all] [tools]</c>; <c>tools</c> sizes the duplicate corpus (10,000).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var which = args.Count > 0 ? args[0] : "all";
        if (which is not ("search" or "duplicates" or "all"))
        {
            await Console.Error.WriteLineAsync("usage: discovery [search|duplicates|all] [tools]");
            return 2;
        }

        Console.WriteLine(StorageBenchmarks.Format(
            $"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}, GC {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, Vector<float> {System.Numerics.Vector<float>.Count} lanes"));
        var samples = await LoadSamplesAsync();
        using var embedder = new MiniLmTextEmbedder();
        var embeddings = embedder.EmbedBatch([.. samples.Select(s => ToolDocument.Text(s.Metadata))]);
        if (which is "search" or "all")
        {
            SearchBenchmark.Run(samples, embeddings, embedder);
        }

        if (which is "duplicates" or "all")
        {
            DuplicatesBenchmark.Run(samples, embeddings, args.Count > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : DuplicatesBenchmark.DefaultTools);
        }

        return 0;
    }

    /// <summary>The nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double percent)
        => sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task<IReadOnlyList<SampleTool>> LoadSamplesAsync()
    {
        var compiler = new ToolCompiler();
        var samples = new List<SampleTool>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "samples", "tools"), "*.cs").Order(StringComparer.Ordinal))
        {
            var source = await File.ReadAllTextAsync(file);
            var result = await compiler.CompileAsync(source);
            var tool = result.Tool ?? throw new InvalidOperationException($"{file} does not compile: {string.Join("; ", result.Diagnostics)}");
            samples.Add(new SampleTool(tool.Metadata.Name, source, tool.Metadata));
        }

        return samples;
    }

    private static string RepositoryRoot([CallerFilePath] string thisFile = "")
    {
        foreach (var start in new[] { Path.GetDirectoryName(thisFile), AppContext.BaseDirectory })
        {
            for (var directory = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Autonomy.Orleans.sln")))
                {
                    return directory.FullName;
                }
            }
        }

        throw new InvalidOperationException("Autonomy.Orleans.sln was not found.");
    }
}

/// <summary>A sample tool of samples/tools with its source and metadata.</summary>
internal sealed record SampleTool(string Name, string Source, ToolMetadata Metadata);
