using System.Globalization;
using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Monitoring;
using Autonomy.Core.Storage;

namespace Autonomy.Grains.Tools;

/// <summary>The tool grain's monitoring and rollback: the health-check reminder, the session with its fixed baseline, the regression detector, automatic rollback and the cooldown (decisions 0013, 0014).</summary>
public sealed partial class ToolGrain
{
    /// <summary>Source hashes of versions rolled back automatically that the loop may not deploy again.</summary>
    public const int MaxRolledBackHashes = 20;

    /// <inheritdoc />
    public Task<HealthCheckReport> CheckHealthAsync() => RunHealthCheckAsync();

    /// <inheritdoc />
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (string.Equals(reminderName, HealthCheckReminder, StringComparison.Ordinal))
        {
            await RunHealthCheckAsync();
        }
    }

    private async Task<HealthCheckReport> RunHealthCheckAsync()
    {
        var now = time.GetUtcNow();
        State.LastHealthCheckAt = now;
        if (State.Shadow is { } shadow && now >= shadow.EndsAt)
        {
            await ConcludeShadowAsync("the live shadow's time ran out");
        }

        if (State.Archived || State.ActiveVersion is not { } active)
        {
            await WriteStateAsync();
            return new HealthCheckReport(Health(), null, null, false, null, "nothing to check: no active version");
        }

        var monitoring = State.Monitoring is { } m && m.Version == active ? m : null;
        var current = MetricsWindow.Sum(State.Buckets, active, monitoring?.StartedAt ?? DateTimeOffset.MinValue, _options.Bucket);
        var baselineVersion = monitoring?.BaselineVersion ?? State.PreviousVersion;
        var baseline = monitoring is { BaselineVersion: { } bv }
            ? new VersionWindow(bv, monitoring.BaselineSuccesses, monitoring.BaselineJudged - monitoring.BaselineSuccesses, 0, monitoring.StartedAt - _monitoring.BaselineWindow, monitoring.StartedAt)
            : baselineVersion is { } b ? MetricsWindow.Sum(State.Buckets, b, DateTimeOffset.MinValue, _options.Bucket) : null;
        RegressionDecision? decision = null;
        if (monitoring is { BaselineVersion: not null })
        {
            decision = detector.Evaluate(new RegressionEvidence(
                monitoring.BaselineSuccesses, monitoring.BaselineJudged, current?.Successes ?? 0, current?.Judged ?? 0));
        }

        var regression = decision?.Verdict == RegressionVerdict.Regression;
        var message = decision?.Reason
            ?? $"version {active}: {current?.Judged ?? 0} judged executions, success {Percent(current?.SuccessRate)}";

        if (monitoring is not null)
        {
            try
            {
                await monitoringStore.RecordHealthCheckAsync(new NewHealthCheck(
                    monitoring.MonitoringId,
                    current?.Judged ?? 0,
                    current?.SuccessRate,
                    regression,
                    JsonSerializer.Serialize(new
                    {
                        current,
                        baseline,
                        method = detector.Name,
                        verdict = decision?.Verdict.ToString(),
                        statistic = decision?.Statistic,
                        threshold = decision?.Threshold,
                        reason = decision?.Reason,
                    })));
                State.Monitoring = monitoring with { HealthChecks = monitoring.HealthChecks + 1, LastVerdict = message };
            }
            catch (InvalidOperationException ex)
            {
                Log.MonitoringStoreFailed(logger, Name, "health-check", ex);
                State.Monitoring = null;
            }
        }

        int? rolledBackTo = null;
        if (regression && State.PinnedVersion is { } pinned)
        {
            Log.RegressionWhilePinned(logger, Name, active, pinned);
            message += "; pinned, so not rolled back";
        }
        else if (regression && await FindVersionAsync(baselineVersion!.Value) is { } target)
        {
            await RollBackAsync(target, "automatic rollback: " + message, automatic: true);
            rolledBackTo = target.Version;
        }
        else if (State.Monitoring is { } session && now >= session.EndsAt)
        {
            await EndMonitoringAsync(MonitoringStatus.Completed, "the monitoring window ended without a regression");
        }

        await WriteStateAsync();
        return new HealthCheckReport(Health(), current, baseline, regression, rolledBackTo, message);
    }

    private async Task RollBackAsync(ToolVersionSummary target, string reason, bool automatic)
    {
        var from = State.ActiveVersion;
        var monitoringId = State.Monitoring?.MonitoringId;
        if (from is { } fromVersion)
        {
            try
            {
                // Names the session, which the store ends as rolled back in the same transaction.
                await monitoringStore.RecordRollbackAsync(new NewRollback(Name, monitoringId, fromVersion, target.Version, reason, automatic));
            }
            catch (Exception ex) when (ex is InvalidOperationException or StoreConflictException)
            {
                Log.MonitoringStoreFailed(logger, Name, "rollback", ex);
            }
        }

        State.Monitoring = null;
        if (automatic && State.ActiveSourceHash is { } rolledBackHash)
        {
            // The loop must not deploy the same code again, and leaves the tool alone for a while.
            State.RolledBackHashes.Add(rolledBackHash);
            if (State.RolledBackHashes.Count > MaxRolledBackHashes)
            {
                State.RolledBackHashes.RemoveRange(0, State.RolledBackHashes.Count - MaxRolledBackHashes);
            }

            State.CooldownUntil = time.GetUtcNow() + _monitoring.Cooldown;
        }

        await CancelShadowAsync("the tool was rolled back");
        Activate(target, from, automatic ? "auto-rollback" : "rollback", reason);
        await WriteStateAsync();
        await RecordEventAsync("rolled_back", null, null, target.Version, new { fromVersion = from, reason, automatic, cooldownUntil = automatic ? State.CooldownUntil : null });
        Log.RolledBack(logger, Name, from, target.Version, automatic, reason);
        metrics.RecordRollback(Name, automatic);
        if (from is { } rolledBackFrom)
        {
            try
            {
                // One-way: the coordinator counts it without this turn waiting on it.
                await GrainFactory.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey)
                    .RecordRollbackAsync(Name, rolledBackFrom, target.Version, automatic);
            }
#pragma warning disable CA1031 // The rollback is done and stored; losing the loop's count of it must not fail it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                Log.RollbackNotificationFailed(logger, Name, ex);
            }
        }
    }

    private async Task<ToolCommandResult> ActivateWithMonitoringAsync(ToolVersionSummary summary, string kind, string reason, long? attemptId)
    {
        var version = summary.Version;
        await EndMonitoringAsync(MonitoringStatus.Aborted, $"superseded by the deploy of version {version}");
        var previous = State.ActiveVersion;
        Activate(summary, previous, kind, reason);
        await StartMonitoringAsync(version, previous, attemptId);
        await WriteStateAsync();
        await EnsureReminderAsync();
        await RecordEventAsync("deployed", null, ToolStatus.Active, version, new { previousVersion = previous, attemptId, reason });
        Log.Deployed(logger, Name, version, previous);
        metrics.RecordDeploy(Name);
        return Result(true, $"version {version} is active");
    }

    private async Task StartMonitoringAsync(int version, int? baselineVersion, long? attemptId)
    {
        var now = time.GetUtcNow();
        var (successes, judged) = baselineVersion is { } b
            ? await MonitoringBaseline.ReadAsync(executionStore, Name, b, State.Buckets, _monitoring.BaselineWindow, _options.Bucket, now)
            : (0L, 0L);
        double? baselineRate = judged == 0 ? null : (double)successes / judged;
        try
        {
            var session = await monitoringStore.StartAsync(new NewMonitoringSession(Name, version, baselineVersion, baselineRate, _monitoring.Window));
            State.Monitoring = new MonitoringSummary(session.Id, version, baselineVersion, session.StartedAt, session.EndsAt, 0, successes, judged, attemptId);
        }
        catch (StoreConflictException ex)
        {
            // A session left active by a lost grain state; the deploy stands, unmonitored.
            Log.MonitoringStoreFailed(logger, Name, "start", ex);
            State.Monitoring = null;
        }
    }

    /// <summary>Why the loop may not deploy or shadow <paramref name="version"/> over <paramref name="baseVersion"/> now, or null.</summary>
    private ToolCommandResult? RefuseAutonomous(int version, int baseVersion)
    {
        if (Refuse(version, allowPinned: false) is { } refusal)
        {
            return refusal;
        }

        if (State.PinnedVersion is { } pinned)
        {
            return Result(false, $"tool '{Name}' is pinned to version {pinned}; the loop leaves it alone");
        }

        if (State.ActiveVersion != baseVersion)
        {
            return Result(false, $"the active version is {State.ActiveVersion?.ToString(CultureInfo.InvariantCulture) ?? "none"}, not {baseVersion}");
        }

        var now = time.GetUtcNow();
        if (State.CooldownUntil is { } until && now < until)
        {
            return Result(false, $"tool '{Name}' is cooling down after an automatic rollback until {until:u}");
        }

        var hash = State.Versions.FirstOrDefault(v => v.Version == version)?.SourceHash;
        if (hash is not null && State.RolledBackHashes.Contains(hash))
        {
            return Result(false, $"version {version} has the source of a version that was rolled back automatically");
        }

        return null;
    }

    private async Task EndMonitoringAsync(MonitoringStatus status, string reason)
    {
        if (State.Monitoring is not { } session)
        {
            return;
        }

        State.Monitoring = null;
        try
        {
            await monitoringStore.EndAsync(session.MonitoringId, status, reason);
        }
        catch (InvalidOperationException ex)
        {
            Log.MonitoringStoreFailed(logger, Name, "end", ex);
        }
    }

    private async Task EnsureReminderAsync()
    {
        if (State.ReminderRegistered)
        {
            return;
        }

        await this.RegisterOrUpdateReminder(HealthCheckReminder, _options.HealthCheckPeriod, _options.HealthCheckPeriod);
        State.ReminderRegistered = true;
        await WriteStateAsync();
    }
}
