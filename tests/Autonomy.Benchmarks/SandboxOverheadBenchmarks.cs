using System.Text.Json.Nodes;
using Autonomy.Abstractions.Execution;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Tools;
using Autonomy.Tools.Sandbox;
using BenchmarkDotNet.Attributes;

namespace Autonomy.Benchmarks;

/// <summary>
/// What the sandbox costs a CPU-bound tool: the same source compiled without and with the sandbox rewrite, both
/// called directly on the benchmark thread, the instrumented one inside a fresh <see cref="SandboxMeter"/> per call.
/// The target is <see cref="Sandboxed"/> at most 1.3 times <see cref="Direct"/>. <see cref="ThroughExecutor"/> adds
/// the executor's input parsing, schema check, thread-pool hop and outcome, for information.
/// </summary>
[Config(typeof(BenchmarkConfig))]
[MemoryDiagnoser]
public class SandboxOverheadBenchmarks
{
    private static readonly SandboxLimits s_limits = SandboxLimits.Default with { MaxSteps = long.MaxValue, Timeout = TimeSpan.FromMinutes(10) };

    private ToolCompiler? _compiler;
    private CompiledTool? _direct;
    private CompiledTool? _instrumented;
    private JsonNode? _input;
    private ToolContext? _context;
    private ToolExecutor? _executor;

    /// <summary>The tool's input; the interleaved mode can change it to look at one part of the workload.</summary>
    public string Input { get; set; } = BenchmarkTools.CpuMixInput;

    /// <summary>Compiles the tool twice, with and without sandbox checks, and checks that both give the same output.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var source = BenchmarkTools.Source(BenchmarkTools.CpuMixName);
        _compiler = new ToolCompiler();
        _direct = BenchmarkTools.Require(_compiler.CompileAsync(source, instrument: false, CancellationToken.None).GetAwaiter().GetResult());
        _instrumented = BenchmarkTools.Require(_compiler.CompileAsync(source, instrument: true, CancellationToken.None).GetAwaiter().GetResult());
        _input = JsonNode.Parse(Input);
        _context = new ToolContext(new ToolLog(TimeProvider.System), TimeProvider.System, CancellationToken.None);
        _executor = new ToolExecutor();

        var direct = Direct()?.ToJsonString();
        var sandboxed = Sandboxed()?.ToJsonString();
        var executed = ThroughExecutor();
        if (direct != sandboxed || executed.Outcome != ExecutionOutcome.Success)
        {
            throw new InvalidOperationException($"The builds disagree: direct {direct}, sandboxed {sandboxed}, executor {executed.Outcome} {executed.Message}.");
        }
    }

    /// <summary>Unloads the compiled tools.</summary>
    [GlobalCleanup]
    public void Cleanup() => _compiler?.Dispose();

    /// <summary>The uninstrumented tool, called directly.</summary>
    [Benchmark(Baseline = true)]
    public JsonNode? Direct() => _direct!.CreateInstance().ExecuteAsync(_input, _context!).GetAwaiter().GetResult();

    /// <summary>The instrumented tool, called directly inside a meter created for the call.</summary>
    [Benchmark]
    public JsonNode? Sandboxed()
    {
        var meter = new SandboxMeter(s_limits, TimeProvider.System, CancellationToken.None);
        return meter.Run(() => _instrumented!.CreateInstance().ExecuteAsync(_input, _context!)).GetAwaiter().GetResult();
    }

    /// <summary>The instrumented tool through the whole executor, from input text to outcome.</summary>
    [Benchmark]
    public ExecutionResult ThroughExecutor() =>
        _executor!.ExecuteAsync(_instrumented!, Input, s_limits).GetAwaiter().GetResult();
}
