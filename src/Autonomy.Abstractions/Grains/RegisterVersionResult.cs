using Autonomy.Abstractions.Tools;

namespace Autonomy.Abstractions.Grains;

/// <summary>The outcome of registering a source: the new version number, or the diagnostics that rejected it.</summary>
/// <param name="Version">The new version, or null when rejected.</param>
/// <param name="SourceHash">The source's SHA-256.</param>
/// <param name="Diagnostics">Compiler, policy and contract diagnostics (warnings too when accepted).</param>
/// <param name="Message">Why it was rejected, in one line; null when accepted.</param>
[GenerateSerializer, Immutable, Alias("autonomy.register-version-result")]
public sealed record RegisterVersionResult(
    [property: Id(0)] int? Version,
    [property: Id(1)] string SourceHash,
    [property: Id(2)] IReadOnlyList<ToolDiagnostic> Diagnostics,
    [property: Id(3)] string? Message)
{
    /// <summary>Whether the source became a version.</summary>
    public bool Accepted => Version is not null;
}
