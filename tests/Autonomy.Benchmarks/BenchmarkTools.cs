using Autonomy.Core.Compilation;

namespace Autonomy.Benchmarks;

/// <summary>The tool sources the benchmarks compile, embedded from <c>ToolSources/</c>, and helpers around them.</summary>
internal static class BenchmarkTools
{
    /// <summary>A CPU-bound tool of about a hundred lines: loops over arrays, recursion, collections and strings.</summary>
    public const string CpuMixName = "cpu_mix.cs";

    /// <summary>The input the CPU-bound tool runs on in every benchmark.</summary>
    public const string CpuMixInput = """{"size": 4000, "fib": 20, "depth": 10}""";

    /// <summary>Reads an embedded tool source.</summary>
    public static string Source(string name)
    {
        var resource = "Autonomy.Benchmarks.ToolSources." + name;
        using var stream = typeof(BenchmarkTools).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded tool source {resource} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Returns the compiled tool, or throws with the diagnostics if the source did not compile.</summary>
    public static CompiledTool Require(ToolCompilationResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Tool ?? throw new InvalidOperationException(
            "The benchmark tool did not compile:" + Environment.NewLine + string.Join(Environment.NewLine, result.Diagnostics));
    }
}
