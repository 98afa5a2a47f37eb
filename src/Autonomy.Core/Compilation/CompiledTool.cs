using System.Reflection;
using Autonomy.Abstractions.Tools;
using Autonomy.Tools;

namespace Autonomy.Core.Compilation;

/// <summary>
/// A tool source compiled, checked and loaded into its own collectible load context. Create a fresh instance per
/// execution with <see cref="CreateInstance"/>, inside the execution's sandbox. <see cref="Unload"/> lets the
/// runtime free the assembly once nothing uses it any more.
/// </summary>
public sealed class CompiledTool
{
    private readonly ToolLoadContext _context;
    private readonly Type _toolType;
    private readonly Lazy<CompiledTool?>? _diagnosticBuild;

    internal CompiledTool(
        string sourceHash,
        ToolMetadata metadata,
        ToolSchema? inputSchema,
        ToolSchema? outputSchema,
        ToolLoadContext context,
        Assembly assembly,
        Type toolType,
        bool instrumented,
        Lazy<CompiledTool?>? diagnosticBuild)
    {
        _diagnosticBuild = diagnosticBuild;
        SourceHash = sourceHash;
        Metadata = metadata;
        InputSchema = inputSchema;
        OutputSchema = outputSchema;
        _context = context;
        Assembly = assembly;
        _toolType = toolType;
        Instrumented = instrumented;
    }

    /// <summary>The SHA-256 of the source.</summary>
    public string SourceHash { get; }

    /// <summary>The tool's declared name, description, schemas and examples.</summary>
    public ToolMetadata Metadata { get; }

    /// <summary>The input schema, if declared.</summary>
    public ToolSchema? InputSchema { get; }

    /// <summary>The output schema, if declared.</summary>
    public ToolSchema? OutputSchema { get; }

    /// <summary>Whether the code was rewritten with sandbox checks. Only benchmarks compile without them.</summary>
    public bool Instrumented { get; }

    /// <summary>The loaded assembly; used to find the tool's own frames in stack traces.</summary>
    public Assembly Assembly { get; }

    /// <summary>Whether <see cref="Unload"/> was called.</summary>
    public bool IsUnloaded { get; private set; }

    /// <summary>Creates a new instance of the tool class. Call it inside the execution's sandbox: its constructor is tool code.</summary>
    public ITool CreateInstance()
    {
        ObjectDisposedException.ThrowIf(IsUnloaded, this);
        return (ITool)Activator.CreateInstance(_toolType)!;
    }

    /// <summary>Starts unloading the tool's load context. Running executions finish; the memory is freed after them.</summary>
    public void Unload()
    {
        if (IsUnloaded)
        {
            return;
        }

        IsUnloaded = true;
        _context.Unload();
        if (_diagnosticBuild is { IsValueCreated: true, Value: { } diagnostic })
        {
            diagnostic.Unload();
        }
    }

    /// <summary>
    /// The same source built without JIT optimisation, created on first use. Its only purpose is to map a failure
    /// that optimised code could not place (an index or a division fault) to its source line.
    /// </summary>
    internal CompiledTool? DiagnosticBuild => IsUnloaded ? null : _diagnosticBuild?.Value;

    /// <summary>A weak reference to the load context, so tests can prove it is collected after <see cref="Unload"/>.</summary>
    internal WeakReference LoadContextReference() => new(_context);
}
