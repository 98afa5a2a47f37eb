using Autonomy.Abstractions.Grains;
using Autonomy.Core.Analysis;
using Autonomy.Core.Storage;
using Autonomy.Grains.Diagnostics;
using Autonomy.Grains.Lifecycle;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Grains.Loop;

/// <summary>
/// The improvement loop's coordinator, one per cluster (key <see cref="ILoopCoordinatorGrain.ClusterKey"/>). Two
/// reminders drive it: the opportunity scan, which reads rollups only and never wakes a tool's grain (two reads: the
/// scan window's whole UTC days through <see cref="IExecutionStore.ScanToolsBelowSuccessRateAsync"/>, and the recent
/// window through <see cref="IExecutionStore.FindToolsBelowSuccessRateAsync"/>, judged by
/// <see cref="OpportunityRules"/> with the analyzer's thresholds), and maintenance.
/// </summary>
public sealed class LoopCoordinatorGrain(
    [PersistentState("loop", "autonomy")] IPersistentState<LoopState> state,
    IExecutionStore executionStore,
    IDeploymentMonitoringStore monitoring,
    IOpportunityProcessor processor,
    LifecycleMaintenance lifecycle,
    IOptions<LoopOptions> options,
    IOptions<AnalysisOptions> analysisOptions,
    AutonomyMetrics metrics,
    TimeProvider time,
    ILogger<LoopCoordinatorGrain> logger) : Grain, ILoopCoordinatorGrain, IRemindable
{
    /// <summary>The name of the opportunity-scan reminder.</summary>
    public const string ScanReminder = "opportunity-scan";

    /// <summary>The name of the maintenance reminder.</summary>
    public const string MaintenanceReminder = "maintenance";

    private readonly LoopOptions _options = options.Value;
    private readonly AnalysisOptions _analysis = analysisOptions.Value;

    private LoopState State => state.State;

    /// <inheritdoc />
    public async Task<LoopStatus> EnsureStartedAsync()
    {
        var scanChanged = await EnsureReminderAsync(ScanReminder, _options.ScanPeriod, State.ScanReminderPeriod);
        var maintenanceChanged = await EnsureReminderAsync(MaintenanceReminder, _options.MaintenancePeriod, State.MaintenanceReminderPeriod);
        if (scanChanged || maintenanceChanged)
        {
            State.ScanReminderPeriod = _options.ScanPeriod;
            State.MaintenanceReminderPeriod = _options.MaintenancePeriod;
            await state.WriteStateAsync();
        }

        return Status();
    }

    /// <inheritdoc />
    public Task<LoopStatus> GetStatusAsync() => Task.FromResult(Status());

    /// <inheritdoc />
    public async Task<LoopStatus> PauseAsync(string reason)
    {
        State.Paused = true;
        State.PauseReason = string.IsNullOrWhiteSpace(reason) ? "paused by an operator" : reason.Trim();
        await state.WriteStateAsync();
        Log.Paused(logger, State.PauseReason);
        return Status();
    }

    /// <inheritdoc />
    public async Task<LoopStatus> ResumeAsync()
    {
        if (State.Paused)
        {
            State.Paused = false;
            State.PauseReason = null;
            await state.WriteStateAsync();
            Log.Resumed(logger);
        }

        return Status();
    }

    /// <inheritdoc />
    public Task<LoopScanResult> RunScanNowAsync() => ScanAsync();

    /// <inheritdoc />
    public Task<LoopMaintenanceResult> RunMaintenanceNowAsync() => MaintainAsync();

    /// <inheritdoc />
    public async Task RecordImprovementOutcomeAsync(string toolName, ImprovementOutcome outcome)
    {
        // Only improvements the loop started count; a person's 'autonomy improve' is theirs.
        if (!State.Improving.ContainsKey(toolName))
        {
            return;
        }

        var now = time.GetUtcNow();
        if (outcome == ImprovementOutcome.InShadow)
        {
            // Still running: the tool's grain reports again when the live shadow ends.
            State.Improving[toolName] = now;
            await state.WriteStateAsync();
            return;
        }

        State.Improving.Remove(toolName);
        var failed = outcome is ImprovementOutcome.NoFix or ImprovementOutcome.CandidateRejected or ImprovementOutcome.VerificationFailed or ImprovementOutcome.DeployRefused;
        if (failed || outcome == ImprovementOutcome.AwaitingApproval)
        {
            State.Cooldowns[toolName] = now + _options.ImprovementCooldown;
        }

        State.Statistics = State.Statistics with
        {
            ImprovementsDeployed = State.Statistics.ImprovementsDeployed + (outcome == ImprovementOutcome.Deployed ? 1 : 0),
            ImprovementsFailed = State.Statistics.ImprovementsFailed + (failed ? 1 : 0),
        };
        await state.WriteStateAsync();
        Log.ImprovementEnded(logger, toolName, outcome);
    }

    /// <inheritdoc />
    public async Task RecordRollbackAsync(string toolName, int fromVersion, int toVersion, bool automatic)
    {
        Log.RollbackRecorded(logger, toolName, fromVersion, toVersion, automatic);

        // Rollbacks an operator asked for are their decision; the loop counts the ones its monitoring triggered.
        if (automatic)
        {
            State.Statistics = State.Statistics with { RollbacksTriggered = State.Statistics.RollbacksTriggered + 1 };
            await state.WriteStateAsync();
        }
    }

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var scan = string.Equals(reminderName, ScanReminder, StringComparison.Ordinal);
        var maintenance = string.Equals(reminderName, MaintenanceReminder, StringComparison.Ordinal);
        if (!scan && !maintenance)
        {
            return;
        }

        if (!_options.Enabled)
        {
            Log.TickSkipped(logger, reminderName, "the loop is disabled");
            return;
        }

        if (State.Paused)
        {
            Log.TickSkipped(logger, reminderName, "the loop is paused");
            var now = time.GetUtcNow();
            if (scan)
            {
                State.LastScan = new LoopScanResult(now, TimeSpan.Zero, true, 0, [], null);
                metrics.RecordScan("skipped", 0);
            }
            else
            {
                State.LastMaintenance = new LoopMaintenanceResult(now, TimeSpan.Zero, true, [], null);
                metrics.RecordMaintenance("skipped");
            }

            await state.WriteStateAsync();
            return;
        }

        if (scan)
        {
            await ScanAsync();
        }
        else
        {
            await MaintainAsync();
        }
    }

    private async Task<LoopScanResult> ScanAsync()
    {
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        LoopScanResult result;
        try
        {
            // Whole UTC days up to the next midnight: the store reads their daily rollup rows only, and counts the
            // judged tools instead of returning them.
            var (from, to) = _options.ScanWindowAt(startedAt);
            var window = await executionStore.ScanToolsBelowSuccessRateAsync(
                from, to, _analysis.SuccessRateBelow, _analysis.MinimumExecutions, _options.MaxToolsPerScan);

            // A tool with RecentFailures failures has at least that many attributable executions, so the store's
            // execution floor only narrows the read; OpportunityRules counts the failures.
            var recent = await executionStore.FindToolsBelowSuccessRateAsync(
                startedAt - _analysis.RecentWindow, startedAt, _analysis.SuccessRateBelow, _analysis.RecentFailures, _options.MaxToolsPerScan);
            var (opportunities, analyzed) = OpportunityRules.Select(window, recent, _analysis, _options);
            var (attempted, deployed, failed) = await ProcessAsync(opportunities);
            result = new LoopScanResult(startedAt, time.GetElapsedTime(started), false, analyzed, opportunities, null);
            State.Statistics = State.Statistics with
            {
                CyclesCompleted = State.Statistics.CyclesCompleted + 1,
                OpportunitiesDetected = State.Statistics.OpportunitiesDetected + opportunities.Count,
                ToolsAnalyzed = State.Statistics.ToolsAnalyzed + analyzed,
                ImprovementsAttempted = State.Statistics.ImprovementsAttempted + attempted,
                ImprovementsDeployed = State.Statistics.ImprovementsDeployed + deployed,
                ImprovementsFailed = State.Statistics.ImprovementsFailed + failed,
            };
            metrics.RecordScan("completed", opportunities.Count);
            Log.ScanCompleted(logger, analyzed, opportunities.Count, result.Duration);
        }
#pragma warning disable CA1031 // A failed scan is recorded in the result and retried at the next tick; it must not fault the reminder.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            result = new LoopScanResult(startedAt, time.GetElapsedTime(started), false, 0, [], ex.Message);
            metrics.RecordScan("failed", 0);
            Log.ScanFailed(logger, ex);
        }

        State.LastScan = result;
        await state.WriteStateAsync();
        return result;
    }

    private async Task<(long Attempted, long Deployed, long Failed)> ProcessAsync(IReadOnlyList<LoopOpportunity> opportunities)
    {
        if (opportunities.Count == 0)
        {
            return (0, 0, 0);
        }

        long attempted = 0, deployed = 0, failed = 0;
        ReleaseExpired(time.GetUtcNow());
        foreach (var opportunity in opportunities)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(_options.ProcessorTimeoutSeconds), time);
            try
            {
                var outcome = await processor.ProcessAsync(opportunity, timeout.Token);
                if (outcome.ShouldImprove && await TryStartImprovementAsync(opportunity.ToolName))
                {
                    attempted++;
                }

                attempted += outcome.Attempted ? 1 : 0;
                deployed += outcome.Deployed ? 1 : 0;
                failed += outcome.Failed ? 1 : 0;
            }
#pragma warning disable CA1031 // One opportunity's processor failure must not lose the scan or the other opportunities.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.ProcessorFailed(logger, opportunity.ToolName, ex);
            }
        }

        return (attempted, deployed, failed);
    }

    /// <summary>
    /// Starts an improvement of <paramref name="toolName"/> unless the loop may not: improving is off, the tool is
    /// already being improved or cooling down after a failure, or every slot is taken (checked first, in memory), or
    /// the tool's grain says the loop may not change it now (<see cref="MayChangeAsync"/>). The improvement grain
    /// runs it (one-way) and reports back through <see cref="RecordImprovementOutcomeAsync"/>.
    /// </summary>
    private async Task<bool> TryStartImprovementAsync(string toolName)
    {
        var now = time.GetUtcNow();
        if (!_options.Improve || State.Improving.ContainsKey(toolName)
            || (State.Cooldowns.TryGetValue(toolName, out var until) && now < until))
        {
            return false;
        }

        if (State.Improving.Count >= _options.MaxConcurrentImprovements)
        {
            Log.ImprovementDeferred(logger, toolName, State.Improving.Count);
            return false;
        }

        // The grain is not reentrant, so no other turn takes the slot while this one awaits the tool's grain.
        if (!await MayChangeAsync(toolName))
        {
            return false;
        }

        State.Improving[toolName] = now;
        _ = GrainFactory.GetGrain<IImprovementGrain>(toolName).StartAsync();
        Log.ImprovementStarted(logger, toolName);
        return true;
    }

    /// <summary>
    /// Whether the loop may change the tool now: not pinned, archived, cooling down after an automatic rollback, or
    /// with a candidate in live shadow. Asked of the tool's grain, so only once the coordinator's own checks pass.
    /// </summary>
    private async Task<bool> MayChangeAsync(string toolName)
    {
        var description = await GrainFactory.GetGrain<IToolGrain>(toolName).DescribeAsync();
        return description is { PinnedVersion: null, Archived: false, CooldownUntil: null, Shadow: null };
    }

    /// <summary>Drops slots held longer than an improvement can run (its silo died) and cooldowns that ended.</summary>
    private void ReleaseExpired(DateTimeOffset now)
    {
        foreach (var (tool, started) in State.Improving.ToList())
        {
            if (now - started > _options.ImprovementSlot)
            {
                State.Improving.Remove(tool);
            }
        }

        foreach (var (tool, until) in State.Cooldowns.ToList())
        {
            if (now >= until)
            {
                State.Cooldowns.Remove(tool);
            }
        }
    }

    private async Task<LoopMaintenanceResult> MaintainAsync()
    {
        var startedAt = time.GetUtcNow();
        var started = time.GetTimestamp();
        var actions = new List<string>();
        string? error = null;
        try
        {
            await SettleOverdueSessionsAsync(startedAt, actions);
            actions.AddRange(await lifecycle.RunAsync());
            metrics.RecordMaintenance("completed");
        }
#pragma warning disable CA1031 // A failed run is recorded in the result and retried at the next tick.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error = ex.Message;
            metrics.RecordMaintenance("failed");
            Log.MaintenanceFailed(logger, ex);
        }

        if (actions.Count > LoopState.MaxMaintenanceActions)
        {
            var dropped = actions.Count - LoopState.MaxMaintenanceActions + 1;
            actions.RemoveRange(LoopState.MaxMaintenanceActions - 1, dropped);
            actions.Add($"... and {dropped} more");
        }

        var result = new LoopMaintenanceResult(startedAt, time.GetElapsedTime(started), false, actions, error);
        State.LastMaintenance = result;
        State.Statistics = State.Statistics with { MaintenanceRuns = State.Statistics.MaintenanceRuns + 1 };
        await state.WriteStateAsync();
        Log.MaintenanceCompleted(logger, actions.Count, result.Duration);
        return result;
    }

    /// <summary>
    /// Monitoring sessions still active well past their end: a tool's health check closes its session when the
    /// window ends, so one left open means the tool's reminder stopped or its grain state lost the session. A session
    /// its tool no longer tracks is closed as aborted; a tool that tracks its session is asked to check its health,
    /// which closes it. Nothing is deleted.
    /// </summary>
    private async Task SettleOverdueSessionsAsync(DateTimeOffset now, List<string> actions)
    {
        var active = await monitoring.ListActiveAsync();
        var grace = TimeSpan.FromSeconds(_options.MonitoringGraceSeconds);
        var overdue = active.Where(s => s.EndsAt + grace <= now).Take(_options.MaxSessionsPerMaintenance).ToList();
        actions.Add($"{active.Count} monitoring session(s) active, {overdue.Count} overdue");
        foreach (var session in overdue)
        {
            var tool = GrainFactory.GetGrain<IToolGrain>(session.ToolName);
            try
            {
                // Asked first, without a write: a tool that does not track the session cannot close it.
                if ((await tool.DescribeAsync()).Monitoring?.MonitoringId != session.MonitoringId)
                {
                    await monitoring.EndAsync(session.MonitoringId, MonitoringStatus.Aborted, "closed by maintenance: the tool no longer tracks this session");
                    actions.Add($"closed the orphaned monitoring session {session.MonitoringId} of tool {session.ToolName}");
                    continue;
                }

                await tool.CheckHealthAsync();
                var after = await monitoring.GetAsync(session.MonitoringId);
                actions.Add(after?.Status == MonitoringStatus.Active
                    ? $"tool {session.ToolName} still monitors session {session.MonitoringId}"
                    : $"tool {session.ToolName} closed its overdue monitoring session {session.MonitoringId}");
            }
#pragma warning disable CA1031 // One tool's failure must not stop the run; it is reported and retried tomorrow.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.SessionSettleFailed(logger, session.MonitoringId, session.ToolName, ex);
                actions.Add($"could not settle the monitoring session {session.MonitoringId} of tool {session.ToolName}: {ex.Message}");
            }
        }
    }

    private async Task<bool> EnsureReminderAsync(string name, TimeSpan period, TimeSpan? registeredPeriod)
    {
        // The stored period says whether this period was registered; the reminder table says whether it still is.
        if (registeredPeriod == period && await this.GetReminder(name) is not null)
        {
            return false;
        }

        await this.RegisterOrUpdateReminder(name, period, period);
        Log.ReminderRegistered(logger, name, period);
        return true;
    }

    private LoopStatus Status() => new(
        State.Paused,
        State.PauseReason,
        _options.ScanPeriod,
        _options.MaintenancePeriod,
        State.Statistics,
        State.LastScan,
        State.LastMaintenance,
        new Dictionary<string, DateTimeOffset>(State.Improving, StringComparer.Ordinal),
        State.Cooldowns.Where(c => c.Value > time.GetUtcNow()).ToDictionary(StringComparer.Ordinal));
}
