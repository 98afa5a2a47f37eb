using Autonomy.Abstractions.Execution;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Compilation;
using Autonomy.Core.Execution;
using Autonomy.Core.Storage;
using Autonomy.Grains.Diagnostics;
using Autonomy.Grains.Tools;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace Autonomy.Grains.Execution;

/// <summary>
/// Runs tools where the call lands. A stateless worker, so one tool's executions spread over activations, cores
/// and silos instead of queueing on its grain. It trusts its knowledge of a tool's active version for a short TTL,
/// finds compiled code in the compiler's cache by source hash, records every execution in the execution log, and
/// sends per-version metrics to the tool's grain in batches.
/// </summary>
[StatelessWorker]
public sealed class ToolExecutorGrain(
    ToolCompiler compiler,
    ToolExecutor executor,
    ExecutionLogWriter executionLog,
    LiveShadowRunner shadowRunner,
    IFeedbackStore feedbackStore,
    IOptions<ToolGrainOptions> options,
    AutonomyMetrics metrics,
    TimeProvider time,
    ILogger<ToolExecutorGrain> logger) : Grain, IToolExecutorGrain
{
    private readonly ToolGrainOptions _options = options.Value;
    private readonly Dictionary<string, ActiveEntry> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Tool, int Version, DateTimeOffset Bucket), PendingCounts> _pending = [];
    private int _pendingExecutions;

    /// <inheritdoc />
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var period = TimeSpan.FromMilliseconds(_options.MetricsFlushMilliseconds);

        // Interleaves with executions: the flush swaps the pending counts out before its only await.
        this.RegisterGrainTimer(static (self, _) => self.FlushMetricsAsync(), this, new GrainTimerCreationOptions(period, period) { Interleave = true });
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>

        // A silo shutting down may already have deactivated the tools' grains: metrics are advisory (the execution
        // log, drained at shutdown, holds every execution), so they are not chased across a stopping silo.
        reason.ReasonCode == DeactivationReasonCode.ShuttingDown ? Task.CompletedTask : FlushMetricsAsync();

    /// <inheritdoc />
    public async Task<ToolExecutionReply> ExecuteAsync(string toolName, string inputJson, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(toolName))
        {
            return NotRun(ToolExecutionStatus.UnknownTool, 0, "a tool name is required");
        }

        // A missing input is the caller's fault like any other non-JSON input: the executor answers InvalidInput.
        inputJson ??= string.Empty;
        var entry = FreshEntry(toolName) ?? await FetchEntryAsync(toolName);
        var active = entry?.Version;
        switch (active?.Status)
        {
            case null:
                return NotRun(ToolExecutionStatus.Unavailable, 0, $"the active version of tool '{toolName}' could not be read; try again");
            case ToolAvailability.UnknownTool:
                return NotRun(ToolExecutionStatus.UnknownTool, 0, $"no tool is named '{toolName}'");
            case ToolAvailability.NotDeployed:
                return NotRun(ToolExecutionStatus.NotDeployed, 0, $"tool '{toolName}' has no deployed version");
            case ToolAvailability.Archived:
                return NotRun(ToolExecutionStatus.Archived, active.Version, $"tool '{toolName}' is archived");
            case ToolAvailability.Deleted:
                return NotRun(ToolExecutionStatus.Deleted, active.Version, $"tool '{toolName}' is deleted");
        }

        var tool = entry!.Tool is { IsUnloaded: false } loaded ? loaded : await LoadAsync(toolName, entry, cancellationToken);
        if (tool is null)
        {
            return NotRun(ToolExecutionStatus.Unavailable, active.Version, $"version {active.Version} of tool '{toolName}' cannot be loaded");
        }

        var startedAt = time.GetUtcNow();
        var result = await executor.ExecuteAsync(tool, inputJson, cancellationToken);
        var executionId = Guid.CreateVersion7(startedAt);
        Record(ExecutionRecord.FromResult(executionId, toolName, active.Version, startedAt, inputJson, result, time, silo: RuntimeIdentity));
        Count(toolName, active.Version, startedAt, result);
        metrics.RecordExecution(toolName, result.Outcome, result.Duration);
        if (active.Shadow is { } shadow && Random.Shared.NextDouble() < shadow.SampleRate)
        {
            // Off the caller's path: the runner queues the sample and compares it on its own loop.
            shadowRunner.TryEnqueue(toolName, shadow, tool, inputJson, result);
        }

        if (_pendingExecutions >= _options.MetricsFlushExecutions)
        {
            await FlushMetricsAsync();
        }

        return new ToolExecutionReply(executionId, active.Version, result);
    }

    /// <inheritdoc />
    public async Task<FeedbackReceipt> ReportFeedbackAsync(Guid executionId, string toolName, int version, bool correct, string? expectedOutput, string? comment = null)
    {
        if (executionId == Guid.Empty || string.IsNullOrWhiteSpace(toolName) || version < 1)
        {
            return new FeedbackReceipt(false, "an execution id, a tool name and a version are required");
        }

        try
        {
            await feedbackStore.RecordAsync(new NewToolFeedback(executionId, toolName, version, correct, expectedOutput, comment));
            return new FeedbackReceipt(true, null);
        }
        catch (ArgumentException ex)
        {
            return new FeedbackReceipt(false, ex.Message);
        }
    }

    /// <summary>Sends the counts aggregated since the last flush, one batch per tool; failed batches stay pending.</summary>
    internal async Task FlushMetricsAsync()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        var pending = _pending.ToList();
        _pending.Clear();
        _pendingExecutions = 0;
        foreach (var tool in pending.Select(p => p.Key.Tool).Distinct(StringComparer.Ordinal))
        {
            var counts = pending.Where(p => string.Equals(p.Key.Tool, tool, StringComparison.Ordinal)).ToList();
            try
            {
                await GrainFactory.GetGrain<IToolGrain>(tool).ReportMetricsAsync(new ToolMetricsBatch(tool, [.. counts.Select(c => c.Value.ToCounts(c.Key.Version, c.Key.Bucket))]));
            }
#pragma warning disable CA1031 // Metrics are retried at the next flush; nothing here may fault the worker.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.MetricsFlushFailed(logger, tool, ex);
                foreach (var (key, value) in counts)
                {
                    Pending(key).Add(value);
                }
            }
        }
    }

    /// <summary>The worker's entry for a tool while its TTL lasts; null when it must be fetched again.</summary>
    private ActiveEntry? FreshEntry(string toolName) =>
        _active.TryGetValue(toolName, out var entry)
        && time.GetElapsedTime(entry.FetchedAt) < TimeSpan.FromMilliseconds(_options.ActiveVersionTtlMilliseconds)
            ? entry
            : null;

    private async Task<ActiveEntry?> FetchEntryAsync(string toolName)
    {
        try
        {
            var active = await GrainFactory.GetGrain<IToolGrain>(toolName).GetActiveVersionAsync();
            var entry = new ActiveEntry(active, time.GetTimestamp());

            // The same source keeps the tool this worker already loaded.
            if (_active.TryGetValue(toolName, out var previous) && active.SourceHash is { } hash
                && string.Equals(previous.Version.SourceHash, hash, StringComparison.Ordinal))
            {
                entry.Tool = previous.Tool;
            }

            _active[toolName] = entry;
            return entry;
        }
#pragma warning disable CA1031 // A failed lookup becomes an Unavailable reply, never an exception through the client.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ActiveVersionLookupFailed(logger, toolName, ex);
            return null;
        }
    }

    private async Task<CompiledTool?> LoadAsync(string toolName, ActiveEntry entry, CancellationToken cancellationToken)
    {
        var active = entry.Version;
        if (active.SourceHash is { } hash && compiler.TryGetCached(hash, out var cached))
        {
            return entry.Tool = cached;
        }

        if (active.Source is null)
        {
            return null;
        }

        // Compiles on the thread pool (inside the compiler) when this silo has not compiled the version yet.
        var compiled = await compiler.CompileAsync(active.Source, cancellationToken);
        if (compiled.Tool is null)
        {
            Log.ActiveVersionUnloadable(logger, toolName, active.Version, compiled.SourceHash);
        }

        return entry.Tool = compiled.Tool;
    }

    private void Record(ExecutionRecord record)
    {
        try
        {
            if (!executionLog.TryRecord(record))
            {
                // Full or stopped: the writer counts the refusal; the caller still gets the result.
                Log.ExecutionNotRecorded(logger, record.ExecutionId, record.ToolName, null);
            }
        }
#pragma warning disable CA1031 // The log must never fail an execution that already ran.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ExecutionNotRecorded(logger, record.ExecutionId, record.ToolName, ex);
        }
    }

    private void Count(string toolName, int version, DateTimeOffset startedAt, ExecutionResult result)
    {
        var counts = Pending((toolName, version, MetricsWindow.BucketStart(startedAt, _options.Bucket)));
        counts.Successes += result.Outcome == ExecutionOutcome.Success ? 1 : 0;
        counts.ToolFailures += result.CountsAsToolFailure ? 1 : 0;
        counts.InvalidInputs += result.Outcome == ExecutionOutcome.InvalidInput ? 1 : 0;
        counts.DurationMicroseconds += (long)result.Duration.TotalMicroseconds;
        _pendingExecutions++;
    }

    private PendingCounts Pending((string Tool, int Version, DateTimeOffset Bucket) key)
    {
        if (!_pending.TryGetValue(key, out var counts))
        {
            counts = new PendingCounts();
            _pending.Add(key, counts);
        }

        return counts;
    }

    private static ToolExecutionReply NotRun(ToolExecutionStatus status, int version, string message) =>
        new(Guid.Empty, version, new ExecutionResult(ExecutionOutcome.InvalidInput, null, message, null, ExceededBudget.None, TimeSpan.Zero, 0, 0, [], 0), status);

    /// <summary>One version's counts in one bucket since the last flush, summed in place.</summary>
    private sealed class PendingCounts
    {
        public long Successes { get; set; }

        public long ToolFailures { get; set; }

        public long InvalidInputs { get; set; }

        public long DurationMicroseconds { get; set; }

        public void Add(PendingCounts other)
        {
            Successes += other.Successes;
            ToolFailures += other.ToolFailures;
            InvalidInputs += other.InvalidInputs;
            DurationMicroseconds += other.DurationMicroseconds;
        }

        public MetricsBucketCounts ToCounts(int version, DateTimeOffset bucket) =>
            new(version, bucket, Successes, ToolFailures, InvalidInputs, DurationMicroseconds);
    }

    /// <summary>What this worker knows of a tool's active version, since when, and the compiled tool it loaded for it.</summary>
    private sealed class ActiveEntry(ActiveToolVersion version, long fetchedAt)
    {
        public ActiveToolVersion Version { get; } = version;

        public long FetchedAt { get; } = fetchedAt;

        public CompiledTool? Tool { get; set; }
    }
}
