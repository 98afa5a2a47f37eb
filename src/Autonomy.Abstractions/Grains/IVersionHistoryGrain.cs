namespace Autonomy.Abstractions.Grains;

/// <summary>
/// A tool's version history with its metadata, and side-by-side comparisons of two versions (key 0, a stateless
/// front over the version store, the lifecycle events, the test results and the rollups; it wakes no tool grain).
/// </summary>
[Alias("autonomy.version-history")]
public interface IVersionHistoryGrain : IGrainWithIntegerKey
{
    /// <summary>Every version of the tool, oldest first, with its author, parent, reason, attempt, tests and live periods; empty for no tool.</summary>
    [Alias("list")]
    Task<IReadOnlyList<VersionHistoryEntry>> ListAsync(string toolName, CancellationToken cancellationToken = default);

    /// <summary>Two versions side by side, or null when the tool lacks either.</summary>
    [Alias("compare")]
    Task<VersionComparison?> CompareAsync(string toolName, int left, int right, CancellationToken cancellationToken = default);
}
