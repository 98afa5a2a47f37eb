using Autonomy.Abstractions.Tools;

namespace Autonomy.Core.Compilation;

/// <summary>The result of compiling a tool source: a loaded tool, or the diagnostics that stop it.</summary>
/// <param name="SourceHash">The SHA-256 of the source.</param>
/// <param name="Tool">The compiled tool, when there are no errors.</param>
/// <param name="Diagnostics">Errors and warnings, sorted by position.</param>
public sealed record ToolCompilationResult(string SourceHash, CompiledTool? Tool, IReadOnlyList<ToolDiagnostic> Diagnostics)
{
    /// <summary>Whether the source became a runnable tool.</summary>
    public bool Succeeded => Tool is not null;

    /// <summary>The errors only.</summary>
    public IEnumerable<ToolDiagnostic> Errors => Diagnostics.Where(d => d.IsError);
}
