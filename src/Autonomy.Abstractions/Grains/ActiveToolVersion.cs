namespace Autonomy.Abstractions.Grains;

/// <summary>What a worker needs to run a tool: the active version and its source, or why there is none.</summary>
/// <param name="Status">Whether the tool can run.</param>
/// <param name="Version">The active version (0 when none).</param>
/// <param name="SourceHash">The active source's SHA-256; workers cache compiled code by it.</param>
/// <param name="Source">The active source.</param>
/// <param name="Shadow">A candidate in live shadow that sampled calls also run, off the caller's path, or null.</param>
/// <param name="Stamp">Changes whenever the active version changes; workers compare it to what they cached.</param>
[GenerateSerializer, Immutable, Alias("autonomy.active-tool-version")]
public sealed record ActiveToolVersion(
    [property: Id(0)] ToolAvailability Status,
    [property: Id(1)] int Version,
    [property: Id(2)] string? SourceHash,
    [property: Id(3)] string? Source,
    [property: Id(4)] long Stamp,
    [property: Id(5)] ShadowCandidate? Shadow = null);
