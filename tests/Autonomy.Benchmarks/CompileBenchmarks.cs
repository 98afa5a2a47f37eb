using Autonomy.Core.Compilation;
using BenchmarkDotNet.Attributes;

namespace Autonomy.Benchmarks;

/// <summary>
/// What compiling a tool of about a hundred lines costs in a warmed-up process: <see cref="Warm"/> compiles it with
/// a fresh compiler every time (no cache), and unloads the result; <see cref="CacheHit"/> asks one compiler again for a
/// source it has (a hash and a dictionary lookup). A cold compile, in a fresh process, is measured by
/// <see cref="ColdCompile"/> instead.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class CompileBenchmarks
{
    private string _source = string.Empty;
    private ToolCompiler? _cached;

    /// <summary>Loads the source and fills one compiler's cache with it.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _source = BenchmarkTools.Source(BenchmarkTools.CpuMixName);
        _cached = new ToolCompiler();
        BenchmarkTools.Require(_cached.CompileAsync(_source).GetAwaiter().GetResult());
    }

    /// <summary>Unloads the cached tool.</summary>
    [GlobalCleanup]
    public void Cleanup() => _cached?.Dispose();

    /// <summary>A full compile (parse, bind, policy, rewrite, emit, load) by a compiler that has never seen the source.</summary>
    [Benchmark(Baseline = true)]
    public async Task<string> Warm()
    {
        // Disposing the compiler unloads the tool it loaded, so repeated compiles do not pile up assemblies.
        using var compiler = new ToolCompiler();
        var result = await compiler.CompileAsync(_source);
        return BenchmarkTools.Require(result).SourceHash;
    }

    /// <summary>The same source asked of a compiler that has it cached.</summary>
    [Benchmark]
    public async Task<string> CacheHit()
    {
        var result = await _cached!.CompileAsync(_source);
        return BenchmarkTools.Require(result).SourceHash;
    }
}
