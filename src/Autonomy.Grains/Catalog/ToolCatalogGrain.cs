using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Autonomy.Grains.Catalog;

/// <summary>
/// Answers questions about all tools and their stored history for the admin command line. A stateless worker: it
/// runs on the silo the call lands on and reads the version store and the execution log there; tool state comes
/// from each tool's grain.
/// </summary>
[StatelessWorker]
public sealed class ToolCatalogGrain(
    IToolVersionStore versionStore,
    IExecutionStore executionStore,
    ExecutionLogWriter executionLog,
    ILogger<ToolCatalogGrain> logger) : Grain, IToolCatalogGrain
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<ToolCatalogEntry>> ListToolsAsync(CancellationToken cancellationToken = default)
    {
        var listings = await versionStore.ListToolsAsync(cancellationToken);

        // DescribeAsync interleaves on each tool's grain, so asking them all at once waits behind no command.
        var descriptions = await Task.WhenAll(listings.Select(l => GrainFactory.GetGrain<IToolGrain>(l.ToolName).DescribeAsync()));
        return [.. listings.Zip(descriptions, Entry)];
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ToolVersionSummary>> ListVersionsAsync(string toolName, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(toolName))
        {
            return [];
        }

        var versions = await versionStore.ListAsync(toolName, cancellationToken);
        return [.. versions.Select(Summary)];
    }

    /// <inheritdoc />
    public async Task<ToolVersionSource?> GetVersionSourceAsync(string toolName, int version, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(toolName) || version < 1)
        {
            return null;
        }

        var stored = await versionStore.GetAsync(toolName, version, cancellationToken);
        return stored is null ? null : new ToolVersionSource(stored.ToolName, Summary(stored), stored.Source);
    }

    /// <inheritdoc />
    public async Task<ExecutionFeedbackReceipt> ReportFeedbackAsync(
        Guid executionId, bool correct, string? expectedOutput, string? comment, CancellationToken cancellationToken = default)
    {
        var execution = executionId == Guid.Empty ? null : await FindExecutionAsync(executionId, cancellationToken);
        if (execution is null)
        {
            Log.FeedbackForUnknownExecution(logger, executionId);
            return new ExecutionFeedbackReceipt(
                ExecutionFeedbackStatus.UnknownExecution, null, null, $"no execution with the id {executionId} is in the execution log");
        }

        var receipt = await GrainFactory.GetGrain<IToolExecutorGrain>(0)
            .ReportFeedbackAsync(executionId, execution.ToolName, execution.ToolVersion, correct, expectedOutput, comment);
        return new ExecutionFeedbackReceipt(
            receipt.Accepted ? ExecutionFeedbackStatus.Recorded : ExecutionFeedbackStatus.Rejected,
            execution.ToolName,
            execution.ToolVersion,
            receipt.Message);
    }

    private async Task<ExecutionRecord?> FindExecutionAsync(Guid executionId, CancellationToken cancellationToken)
    {
        var found = await executionStore.ReadByIdsAsync([executionId], cancellationToken);
        if (found.Count == 0)
        {
            // The log is written in batches: an execution that just ran on this silo may still be buffered. A
            // record buffered on another silo is written within its batch age (Autonomy:ExecutionLog), so a
            // caller that retries after that finds it.
            await executionLog.FlushAsync(cancellationToken);
            found = await executionStore.ReadByIdsAsync([executionId], cancellationToken);
        }

        return found.Count == 0 ? null : found[0];
    }

    private static ToolCatalogEntry Entry(ToolListing listing, ToolDescription description) => new(
        listing.ToolName,
        description.Health,
        description.ActiveVersion,
        description.PreviousVersion,
        description.PinnedVersion,
        description.Archived,
        listing.LatestVersion,
        listing.VersionCount,
        listing.CreatedAt,
        listing.UpdatedAt,
        description.CurrentWindow.FirstOrDefault(w => w.Version == description.ActiveVersion));

    private static ToolVersionSummary Summary(ToolVersion version) => new(
        version.Version,
        version.SourceHash,
        version.Author == VersionAuthor.Autonomous ? "autonomous" : "human",
        version.Reason,
        version.CreatedAt,
        version.ParentVersion);
}
