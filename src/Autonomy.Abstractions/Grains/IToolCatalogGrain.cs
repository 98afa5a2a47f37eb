namespace Autonomy.Abstractions.Grains;

/// <summary>
/// Questions about all tools, or about stored history, that no single tool's grain answers: the list of tools,
/// a tool's full version history and a version's source, and feedback addressed by execution id alone. A
/// stateless worker that reads the stores where the call lands; use key <see cref="Key"/>.
/// </summary>
[Alias("autonomy.tool-catalog")]
public interface IToolCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>The key callers use; any key works, since the grain keeps no state.</summary>
    const long Key = 0;

    /// <summary>
    /// Every tool with at least one version, ordered by name (ordinal), each with its grain's health and version
    /// pointers. Asks every tool's grain, so it costs one call per tool: meant for the admin command line.
    /// </summary>
    [Alias("list-tools")]
    Task<IReadOnlyList<ToolCatalogEntry>> ListToolsAsync(CancellationToken cancellationToken = default);

    /// <summary>Every version of a tool from the version store, oldest first; empty for an unknown tool.</summary>
    [Alias("list-versions")]
    Task<IReadOnlyList<ToolVersionSummary>> ListVersionsAsync(string toolName, CancellationToken cancellationToken = default);

    /// <summary>One version of a tool with its source, or null when the tool has no such version.</summary>
    [Alias("get-version-source")]
    Task<ToolVersionSource?> GetVersionSourceAsync(string toolName, int version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records feedback on an execution known only by its id: finds the execution in the execution log (flushing
    /// this silo's buffered writes once when it is not there yet) to learn its tool and version, then records the
    /// feedback as <see cref="IToolExecutorGrain.ReportFeedbackAsync"/> does.
    /// </summary>
    [Alias("report-feedback")]
    Task<ExecutionFeedbackReceipt> ReportFeedbackAsync(Guid executionId, bool correct, string? expectedOutput, string? comment, CancellationToken cancellationToken = default);
}
