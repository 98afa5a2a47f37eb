using System.Collections.Concurrent;
using System.Text;
using Autonomy.Abstractions.Tools;
using Autonomy.Core.Policy;
using Autonomy.Core.Sandbox;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Autonomy.Core.Compilation;

/// <summary>
/// Turns tool source into a loaded, sandboxed tool: parse, compile against <see cref="ToolReferences"/>, check the
/// policy and the tool contract, rewrite with sandbox checks, emit with embedded debug information, and load into a
/// collectible context. Results are cached by source hash; concurrent requests for one source share one compile.
/// Compilation always runs on the thread pool, never on the caller's scheduler (such as a grain's).
/// </summary>
/// <remarks>
/// The cache owns the loaded tools: when it evicts one past <see cref="CompilerOptions.CacheCapacity"/> it unloads it.
/// Holders of a <see cref="CompiledTool"/> that find it unloaded ask the compiler again.
/// </remarks>
public sealed class ToolCompiler : IDisposable
{
    private const string SourcePath = "tool.cs";

    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest, DocumentationMode.None);

    private readonly ToolPolicy _policy;
    private readonly CompilerOptions _options;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, CacheEntry> _cache = new(StringComparer.Ordinal);
    private readonly Lock _evictionGate = new();
    private long _clock;

    /// <summary>Creates a compiler.</summary>
    public ToolCompiler(ToolPolicy policy, IOptions<CompilerOptions> options, ILogger<ToolCompiler>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(options);
        _policy = policy;
        _options = options.Value;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Creates a compiler with the built-in policy and default options.</summary>
    public ToolCompiler()
        : this(new ToolPolicy(PolicyRuleSet.Default), Options.Create(new CompilerOptions()))
    {
    }

    /// <summary>How many compiled sources are cached.</summary>
    public int CachedCount => _cache.Count;

    /// <summary>Compiles a tool source with sandbox checks, or returns the cached result for the same source.</summary>
    public Task<ToolCompilationResult> CompileAsync(string source, CancellationToken cancellationToken = default) =>
        CompileAsync(source, instrument: true, cancellationToken);

    /// <summary>Returns the cached tool for a source hash, if it is compiled, loaded and not yet evicted.</summary>
    public bool TryGetCached(string sourceHash, out CompiledTool? tool)
    {
        tool = null;
        if (_cache.TryGetValue(Key(sourceHash, instrument: true), out var entry) && entry.Result.IsValueCreated
            && entry.Result.Value.IsCompletedSuccessfully && entry.Result.Value.Result.Tool is { IsUnloaded: false } cached)
        {
            entry.LastUsed = Interlocked.Increment(ref _clock);
            tool = cached;
        }

        return tool is not null;
    }

    /// <summary>Unloads every cached tool.</summary>
    public void Dispose()
    {
        foreach (var key in _cache.Keys)
        {
            if (_cache.TryRemove(key, out var entry))
            {
                UnloadIfLoaded(entry);
            }
        }
    }

    /// <summary>
    /// Compiles a tool source. Without <paramref name="instrument"/>, the sandbox rewrite is skipped: only
    /// benchmarks do that, to measure the sandbox's cost against a direct call.
    /// </summary>
    internal async Task<ToolCompilationResult> CompileAsync(string source, bool instrument, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var hash = SourceHash.Of(source);
        var key = Key(hash, instrument);
        var created = false;
        var entry = _cache.GetOrAdd(key, _ =>
        {
            created = true;
            return new CacheEntry(new Lazy<Task<ToolCompilationResult>>(
                () => Task.Run(() => CompileSafely(source, hash, instrument), CancellationToken.None),
                LazyThreadSafetyMode.ExecutionAndPublication));
        });
        entry.LastUsed = Interlocked.Increment(ref _clock);
        if (created)
        {
            EvictPastCapacity();
        }
        else
        {
            Log.CacheHit(_logger, hash);
        }

        return await entry.Result.Value.WaitAsync(cancellationToken);
    }

    private ToolCompilationResult CompileSafely(string source, string hash, bool instrument)
    {
        try
        {
            return Compile(source, hash, instrument);
        }
#pragma warning disable CA1031 // A defect of the compiler pipeline must come back as a diagnostic, not fault the cache entry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.CompilerFailed(_logger, hash, ex);
            return new ToolCompilationResult(hash, null, [new ToolDiagnostic("error", "AUT900", "The compiler failed on this source: " + ex.Message, 0, 0)]);
        }
    }

    private ToolCompilationResult Compile(string source, string hash, bool instrument)
    {
        var started = TimeProvider.System.GetTimestamp();
        var diagnostics = new List<ToolDiagnostic>();
        var tree = CSharpSyntaxTree.ParseText(source, s_parseOptions, SourcePath, Encoding.UTF8);
        diagnostics.AddRange(tree.GetDiagnostics().Where(IsReported).Select(ToDiagnostic));
        if (diagnostics.Any(d => d.IsError))
        {
            return Finish(hash, null, diagnostics, started);
        }

        // Unsafe code is allowed through the compiler here only so that the policy can name it; the emitted
        // compilation below forbids it again.
        var checkedCompilation = CreateCompilation(hash, tree, allowUnsafe: true);
        var model = checkedCompilation.GetSemanticModel(tree);
        diagnostics.AddRange(checkedCompilation.GetDiagnostics().Where(IsReported).Select(ToDiagnostic));
        diagnostics.AddRange(_policy.Check(model).Select(v =>
            new ToolDiagnostic("error", "policy/" + v.Rule, v.Message, v.Line, v.Column, v.Api)));
        var located = ToolClassLocator.Locate(checkedCompilation, tree, diagnostics);
        if (diagnostics.Any(d => d.IsError) || located.ToolClass is null || located.Metadata is null)
        {
            return Finish(hash, null, diagnostics, started);
        }

        var emitTree = instrument ? Instrument(model, tree) : tree;
        var name = located.Metadata.Name;
        var typeName = located.ToolClass.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty, StringComparison.Ordinal);
        var loaded = Emit(hash, name, emitTree, typeName, OptimizationLevel.Release, diagnostics);
        if (loaded is null)
        {
            return Finish(hash, null, diagnostics, started);
        }

        // Optimised code cannot map every fault (an index or a division) to its line. A build without JIT
        // optimisation can; it is made only when a failure needs its line, and never serves traffic.
        var diagnosticBuild = new Lazy<CompiledTool?>(() => Emit(hash, name, emitTree, typeName, OptimizationLevel.Debug, []) is { } debug
            ? new CompiledTool(hash, located.Metadata, located.InputSchema, located.OutputSchema, debug.Context, debug.Assembly, debug.Type, instrument, null)
            : null);
        var tool = new CompiledTool(hash, located.Metadata, located.InputSchema, located.OutputSchema, loaded.Context, loaded.Assembly, loaded.Type, instrument, diagnosticBuild);
        return Finish(hash, tool, diagnostics, started);
    }

    private static LoadedAssembly? Emit(string hash, string toolName, SyntaxTree tree, string typeName, OptimizationLevel optimization, List<ToolDiagnostic> diagnostics)
    {
        var compilation = CreateCompilation(hash, tree, allowUnsafe: false, optimization);
        using var pe = new MemoryStream();
        var emit = compilation.Emit(pe, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!emit.Success)
        {
            // The source compiled before the rewrite, so this is a defect of the rewriter, not of the tool.
            diagnostics.AddRange(emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d =>
                ToDiagnostic(d) with { Code = "AUT900", Message = "The sandbox rewrite produced code that does not compile: " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) }));
            return null;
        }

        pe.Position = 0;
        var suffix = optimization == OptimizationLevel.Debug ? ":diagnostic" : string.Empty;
        var context = new ToolLoadContext($"tool:{toolName}:{hash[..12]}{suffix}");
        var assembly = context.LoadFromStream(pe);
        return new LoadedAssembly(context, assembly, assembly.GetType(typeName, throwOnError: true)!);
    }

    private sealed record LoadedAssembly(ToolLoadContext Context, System.Reflection.Assembly Assembly, Type Type);

    private ToolCompilationResult Finish(string hash, CompiledTool? tool, List<ToolDiagnostic> diagnostics, long started)
    {
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        var errors = diagnostics.Count(d => d.IsError);
        if (tool is null)
        {
            Log.Rejected(_logger, hash, errors, elapsed.TotalMilliseconds);
        }
        else
        {
            Log.Compiled(_logger, tool.Metadata.Name, hash, elapsed.TotalMilliseconds);
        }

        var sorted = diagnostics
            .Distinct()
            .OrderBy(d => d.Line == 0 ? int.MaxValue : d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToList();
        return new ToolCompilationResult(hash, tool, sorted);
    }

    private static SyntaxTree Instrument(SemanticModel model, SyntaxTree original)
    {
        var rewritten = SandboxRewriter.Rewrite(model);

        // Re-parse the rewritten text so that every position in the emitted debug information is a position in
        // that text, and check the invariant that makes exception lines the author's lines.
        var tree = CSharpSyntaxTree.ParseText(rewritten.ToFullString(), s_parseOptions, SourcePath, Encoding.UTF8);
        var originalLines = original.GetText().Lines.Count;
        var rewrittenLines = tree.GetText().Lines.Count;
        if (originalLines != rewrittenLines)
        {
            throw new InvalidOperationException($"The sandbox rewrite changed the line count from {originalLines} to {rewrittenLines}.");
        }

        return tree;
    }

    private static CSharpCompilation CreateCompilation(string hash, SyntaxTree tree, bool allowUnsafe, OptimizationLevel optimization = OptimizationLevel.Release) =>
        CSharpCompilation.Create(
            "tool_" + hash[..16],
            [tree],
            ToolReferences.All,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: optimization,
                allowUnsafe: allowUnsafe,
                deterministic: true,
                nullableContextOptions: NullableContextOptions.Enable,
                concurrentBuild: false));

    private static bool IsReported(Diagnostic diagnostic) =>
        diagnostic.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning;

    private static ToolDiagnostic ToDiagnostic(Diagnostic diagnostic)
    {
        var (line, column) = ToolClassLocator.Position(diagnostic.Location);
        var severity = diagnostic.Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return new ToolDiagnostic(severity, diagnostic.Id, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), line, column);
    }

    private static string Key(string hash, bool instrument) => instrument ? hash : hash + ":direct";

    private void EvictPastCapacity()
    {
        if (_cache.Count <= _options.CacheCapacity)
        {
            return;
        }

        lock (_evictionGate)
        {
            while (_cache.Count > _options.CacheCapacity)
            {
                var oldest = _cache.MinBy(pair => pair.Value.LastUsed);
                if (oldest.Key is null || !_cache.TryRemove(oldest.Key, out var entry))
                {
                    return;
                }

                UnloadIfLoaded(entry);
                Log.Evicted(_logger, oldest.Key);
            }
        }
    }

    private static void UnloadIfLoaded(CacheEntry entry)
    {
        if (entry.Result.IsValueCreated && entry.Result.Value.IsCompletedSuccessfully)
        {
            entry.Result.Value.Result.Tool?.Unload();
        }
        else if (entry.Result.IsValueCreated)
        {
            // Still compiling: unload when it finishes.
            _ = entry.Result.Value.ContinueWith(
                static task => task.Result.Tool?.Unload(),
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnRanToCompletion,
                TaskScheduler.Default);
        }
    }

    private sealed class CacheEntry(Lazy<Task<ToolCompilationResult>> result)
    {
        public Lazy<Task<ToolCompilationResult>> Result { get; } = result;

        public long LastUsed { get; set; }
    }
}
