using System.Globalization;
using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Abstractions.Tools;
using Autonomy.Core.Compilation;
using Autonomy.Core.Monitoring;
using Autonomy.Core.Storage;
using Autonomy.Core.Verification;
using Autonomy.Grains.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Grains.Tools;

/// <summary>
/// One tool. Sources are appended to the version store; the grain keeps summaries, the active, previous and pinned
/// versions, the metric buckets and the monitoring session. Compilation runs on the thread pool inside
/// <see cref="ToolCompiler"/> and is only awaited here.
/// </summary>
public sealed class ToolGrain(
    [PersistentState("tool", "autonomy")] IPersistentState<ToolState> state,
    ToolCompiler compiler,
    IToolVersionStore versionStore,
    IDeploymentMonitoringStore monitoringStore,
    ILifecycleEventStore lifecycleStore,
    IExecutionStore executionStore,
    ITestResultStore testResults,
    IImprovementAttemptStore attempts,
    IOptions<ToolGrainOptions> options,
    IOptions<MonitoringOptions> monitoringOptions,
    IOptions<VerificationOptions> verificationOptions,
    AutonomyMetrics metrics,
    TimeProvider time,
    ILogger<ToolGrain> logger) : Grain, IToolGrain, IRemindable
{
    /// <summary>The name of the health-check reminder.</summary>
    public const string HealthCheckReminder = "health-check";

    /// <summary>Source hashes of versions rolled back automatically that the loop may not deploy again.</summary>
    public const int MaxRolledBackHashes = 20;

    /// <summary>Mismatch samples a live shadow keeps.</summary>
    public const int MaxShadowSamples = 5;

    private readonly ToolGrainOptions _options = options.Value;
    private readonly MonitoringOptions _monitoring = monitoringOptions.Value;
    private readonly VerificationOptions _verification = verificationOptions.Value;
    private readonly IRegressionDetector _detector = RegressionDetectors.Create(monitoringOptions.Value);
    private string? _activeSource;
    private int _activeSourceVersion;
    private ShadowCandidate? _shadowCandidate;
    private bool _metricsUnsaved;

    private string Name => this.GetPrimaryKeyString();

    private ToolState State => state.State;

    /// <summary>Why the tool does not answer, for messages: deleted or archived.</summary>
    private string OutOfService => State.Deleted ? "deleted" : "archived";

    /// <inheritdoc />
    public async Task<RegisterVersionResult> RegisterVersionAsync(string source, string author, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (State.Archived)
        {
            return new RegisterVersionResult(null, SourceHash.Of(source), [], $"tool '{Name}' is {OutOfService}");
        }

        var compiled = await compiler.CompileAsync(source, cancellationToken);
        var diagnostics = compiled.Diagnostics.ToList();
        if (compiled.Tool is { } tool && !string.Equals(tool.Metadata.Name, Name, StringComparison.Ordinal))
        {
            diagnostics.Add(new ToolDiagnostic("error", "AUT020", $"The source declares the tool '{tool.Metadata.Name}', not '{Name}'.", 0, 0));
        }

        if (diagnostics.Any(d => d.IsError))
        {
            Log.VersionRejected(logger, Name, diagnostics.Count(d => d.IsError));
            return new RegisterVersionResult(null, compiled.SourceHash, diagnostics, $"rejected: {diagnostics.Count(d => d.IsError)} error(s)");
        }

        if (State.Versions.LastOrDefault() is { } latest && latest.SourceHash == compiled.SourceHash)
        {
            // Registering the newest source again is idempotent: it is that version.
            return new RegisterVersionResult(latest.Version, compiled.SourceHash, diagnostics, null);
        }

        var versionAuthor = string.Equals(author, "autonomous", StringComparison.OrdinalIgnoreCase) ? VersionAuthor.Autonomous : VersionAuthor.Human;
        var stored = await AppendAsync(source, versionAuthor, reason, cancellationToken);
        State.Versions.Add(new ToolVersionSummary(
            stored.Version, stored.SourceHash, AuthorName(stored.Author), stored.Reason, stored.CreatedAt, stored.ParentVersion));
        if (State.Versions.Count > ToolState.MaxVersionSummaries)
        {
            State.Versions.RemoveRange(0, State.Versions.Count - ToolState.MaxVersionSummaries);
        }

        State.LatestVersion = stored.Version;
        await WriteStateAsync(cancellationToken);
        await RecordEventAsync("version_registered", null, null, stored.Version, new { author = AuthorName(stored.Author), reason, sourceHash = stored.SourceHash });
        Log.VersionRegistered(logger, Name, stored.Version, stored.SourceHash);
        return new RegisterVersionResult(stored.Version, stored.SourceHash, diagnostics, null);
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> DeployAsync(int version)
    {
        if (Refuse(version, allowPinned: false) is { } refusal)
        {
            return refusal;
        }

        if (State.ActiveVersion == version)
        {
            return Result(true, $"version {version} is already active");
        }

        var summary = await FindVersionAsync(version);
        if (summary is null)
        {
            return Result(false, $"tool '{Name}' has no version {version}");
        }

        await CancelShadowAsync($"a person deployed version {version}");
        return await ActivateWithMonitoringAsync(summary, "deploy", "deploy", attemptId: null);
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> DeployVerifiedAsync(int version, int baseVersion, long? attemptId, string evidence)
    {
        if (State.ActiveVersion == version && !State.Archived)
        {
            // A retried deploy (its first answer was lost with a silo) finds its work done.
            return Result(true, $"version {version} is already active");
        }

        if (RefuseAutonomous(version, baseVersion) is { } refusal)
        {
            return refusal;
        }

        var summary = await FindVersionAsync(version);
        if (summary is null)
        {
            return Result(false, $"tool '{Name}' has no version {version}");
        }

        await CancelShadowAsync($"version {version} was deployed");
        return await ActivateWithMonitoringAsync(summary, "deploy", string.IsNullOrWhiteSpace(evidence) ? "verified candidate" : evidence, attemptId);
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> StartShadowAsync(int candidateVersion, int baseVersion, long? attemptId)
    {
        if (RefuseAutonomous(candidateVersion, baseVersion) is { } refusal)
        {
            return refusal;
        }

        if (State.Shadow is { } running)
        {
            return Result(false, $"version {running.CandidateVersion} is already in live shadow");
        }

        if (await FindVersionAsync(candidateVersion) is null)
        {
            return Result(false, $"tool '{Name}' has no version {candidateVersion}");
        }

        var now = time.GetUtcNow();
        State.Shadow = new ShadowSummary(
            candidateVersion,
            baseVersion,
            attemptId,
            now,
            now + TimeSpan.FromMinutes(_verification.LiveShadowMaxMinutes),
            _verification.LiveShadowSampleRate,
            Math.Max(1, _verification.LiveShadowExecutions),
            ShadowCounts.None,
            []);
        State.Stamp++;
        await WriteStateAsync();
        await EnsureReminderAsync();
        await RecordEventAsync("shadow_started", null, null, candidateVersion, new { baseVersion, attemptId, sampleRate = State.Shadow.SampleRate, target = State.Shadow.Target });
        Log.ShadowStarted(logger, Name, candidateVersion, baseVersion, State.Shadow.SampleRate);
        return Result(true, $"version {candidateVersion} is in live shadow: {State.Shadow.SampleRate:P0} of calls also run it until {State.Shadow.Target} are compared");
    }

    /// <inheritdoc />
    public async Task ReportShadowAsync(ShadowObservations observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        if (State.Shadow is not { } shadow || shadow.CandidateVersion != observations.CandidateVersion)
        {
            // A worker still running a shadow that ended: nothing to add it to.
            return;
        }

        var samples = shadow.Samples.Concat(observations.Samples).Take(MaxShadowSamples).ToList();
        State.Shadow = shadow with { Counts = shadow.Counts.Add(observations.Counts), Samples = samples };
        _metricsUnsaved = true;
        if (State.Shadow.Counts.Judged >= State.Shadow.Target)
        {
            await ConcludeShadowAsync("enough calls compared");
        }
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> RollbackAsync(int? toVersion, string reason)
    {
        var target = toVersion ?? State.PreviousVersion;
        if (target is null)
        {
            return Result(false, $"tool '{Name}' has no previous version to roll back to");
        }

        if (Refuse(target.Value, allowPinned: false) is { } refusal)
        {
            return refusal;
        }

        if (State.ActiveVersion == target)
        {
            return Result(false, $"version {target} is already active");
        }

        var summary = await FindVersionAsync(target.Value);
        if (summary is null)
        {
            return Result(false, $"tool '{Name}' has no version {target}");
        }

        await RollBackAsync(summary, string.IsNullOrWhiteSpace(reason) ? "manual rollback" : reason, automatic: false);
        return Result(true, $"rolled back to version {target}");
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> PinAsync(int? version)
    {
        var target = version ?? State.ActiveVersion;
        if (target is null)
        {
            return Result(false, $"tool '{Name}' has no active version to pin");
        }

        if (State.PinnedVersion is { } pinned && pinned != target)
        {
            return Result(false, $"tool '{Name}' is pinned to version {pinned}; unpin it first");
        }

        if (State.ActiveVersion != target)
        {
            var deployed = await DeployAsync(target.Value);
            if (!deployed.Succeeded)
            {
                return deployed;
            }
        }

        State.PinnedVersion = target;
        await WriteStateAsync();
        await RecordEventAsync("pinned", null, null, target, new { });
        return Result(true, $"pinned to version {target}");
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> UnpinAsync()
    {
        if (State.PinnedVersion is not { } pinned)
        {
            return Result(true, "the tool was not pinned");
        }

        State.PinnedVersion = null;
        await WriteStateAsync();
        await RecordEventAsync("unpinned", null, null, pinned, new { });
        return Result(true, $"unpinned version {pinned}");
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> ArchiveAsync(string reason)
    {
        if (State.LatestVersion == 0 && State.Versions.Count == 0)
        {
            return Result(false, $"no tool is named '{Name}'");
        }

        if (State.Archived)
        {
            return Result(true, "the tool was already archived");
        }

        await EndMonitoringAsync(MonitoringStatus.Aborted, "the tool was archived");
        await CancelShadowAsync("the tool was archived");
        State.Archived = true;
        State.Stamp++;
        await WriteStateAsync();
        if (await this.GetReminder(HealthCheckReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        State.ReminderRegistered = false;
        await WriteStateAsync();
        await RecordEventAsync("archived", ToolStatus.Active, ToolStatus.Archived, State.ActiveVersion, new { reason });
        Log.Archived(logger, Name);
        return Result(true, "archived");
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> RestoreAsync(string reason)
    {
        if (State.LatestVersion == 0 && State.Versions.Count == 0)
        {
            return Result(false, $"no tool is named '{Name}'");
        }

        if (!State.Archived)
        {
            return Result(true, "the tool is in service; nothing to restore");
        }

        var from = State.Deleted ? ToolStatus.Deleted : ToolStatus.Archived;
        State.Archived = false;
        State.Deleted = false;
        State.Stamp++;
        await WriteStateAsync();
        if (State.ActiveVersion is not null)
        {
            await EnsureReminderAsync();
        }

        await RecordEventAsync("restored", from, ToolStatus.Active, State.ActiveVersion, new { reason });
        Log.Restored(logger, Name, from, reason);
        return Result(true, from == ToolStatus.Deleted ? "restored (it was deleted)" : "restored (it was archived)");
    }

    /// <inheritdoc />
    public async Task<ToolCommandResult> MarkDeletedAsync(string reason)
    {
        if (State.LatestVersion == 0 && State.Versions.Count == 0)
        {
            return Result(false, $"no tool is named '{Name}'");
        }

        if (State.Deleted)
        {
            return Result(true, "the tool was already deleted");
        }

        var from = State.Archived ? ToolStatus.Archived : ToolStatus.Active;
        await EndMonitoringAsync(MonitoringStatus.Aborted, "the tool was deleted");
        await CancelShadowAsync("the tool was deleted");
        State.Archived = true;
        State.Deleted = true;
        State.Stamp++;
        await WriteStateAsync();
        if (await this.GetReminder(HealthCheckReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        State.ReminderRegistered = false;
        await WriteStateAsync();
        await RecordEventAsync("deleted", from, ToolStatus.Deleted, State.ActiveVersion, new { reason });
        Log.MarkedDeleted(logger, Name, reason);
        return Result(true, "deleted");
    }

    /// <inheritdoc />
    public Task<ToolDescription> DescribeAsync()
    {
        var windows = State.Buckets
            .Select(b => b.Version)
            .Distinct()
            .OrderDescending()
            .Select(v => MetricsWindow.Sum(State.Buckets, v, DateTimeOffset.MinValue, _options.Bucket)!)
            .ToList();
        return Task.FromResult(new ToolDescription(
            Name,
            Health(),
            State.ActiveVersion,
            State.PreviousVersion,
            State.PinnedVersion,
            State.Archived,
            [.. State.Versions],
            [.. State.Deployments],
            windows,
            State.Monitoring,
            State.LastHealthCheckAt,
            State.CooldownUntil is { } until && until > time.GetUtcNow() ? until : null,
            State.Shadow));
    }

    /// <inheritdoc />
    public Task ReportMetricsAsync(ToolMetricsBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);

        // Not written here: metrics are advisory (the execution log holds
        // every execution), and the next command or health check persists them with the rest of the state.
        MetricsWindow.Merge(State.Buckets, batch.Buckets);
        _metricsUnsaved = true;
        MetricsWindow.Trim(
            State.Buckets,
            _options.BucketsPerVersion,
            [State.ActiveVersion, State.PreviousVersion, State.PinnedVersion, State.Monitoring?.Version, State.Monitoring?.BaselineVersion]);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ActiveToolVersion> GetActiveVersionAsync()
    {
        // Interleaves: the snapshot below is taken before the only await, and the source of a version never
        // changes (the history is append-only), so the reply is consistent even if a deploy runs meanwhile.
        var stamp = State.Stamp;
        var hash = State.ActiveSourceHash;
        if (State.Archived)
        {
            return new ActiveToolVersion(State.Deleted ? ToolAvailability.Deleted : ToolAvailability.Archived, State.ActiveVersion ?? 0, null, null, stamp);
        }

        if (State.ActiveVersion is not { } version)
        {
            var availability = State.LatestVersion == 0 ? ToolAvailability.UnknownTool : ToolAvailability.NotDeployed;
            return new ActiveToolVersion(availability, 0, null, null, stamp);
        }

        if (_activeSourceVersion != version || _activeSource is null)
        {
            var stored = await versionStore.GetAsync(Name, version);
            _activeSource = stored?.Source;
            _activeSourceVersion = version;
            hash = stored?.SourceHash ?? hash;
        }

        return new ActiveToolVersion(ToolAvailability.Available, version, hash, _activeSource, stamp, await ShadowCandidateAsync());
    }

    private async Task<ShadowCandidate?> ShadowCandidateAsync()
    {
        if (State.Shadow is not { } shadow)
        {
            return null;
        }

        if (_shadowCandidate?.Version != shadow.CandidateVersion)
        {
            var stored = await versionStore.GetAsync(Name, shadow.CandidateVersion);
            _shadowCandidate = stored is null ? null : new ShadowCandidate(stored.Version, stored.SourceHash, stored.Source, shadow.SampleRate);
        }

        // The shadow may have ended during the read.
        return State.Shadow?.CandidateVersion == _shadowCandidate?.Version ? _shadowCandidate : null;
    }

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_metricsUnsaved)
        {
            await WriteStateAsync(cancellationToken);
        }
    }

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
            decision = _detector.Evaluate(new RegressionEvidence(
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
                        method = _detector.Name,
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

    private async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        await state.WriteStateAsync(cancellationToken);
        _metricsUnsaved = false;
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

    private void Activate(ToolVersionSummary summary, int? previous, string kind, string reason)
    {
        State.ActiveVersion = summary.Version;
        State.ActiveSourceHash = summary.SourceHash;
        State.PreviousVersion = previous;
        State.Stamp++;
        State.Deployments.Add(new ToolDeploymentEvent(kind, previous, summary.Version, time.GetUtcNow(), reason));
        if (State.Deployments.Count > ToolState.MaxDeploymentEvents)
        {
            State.Deployments.RemoveRange(0, State.Deployments.Count - ToolState.MaxDeploymentEvents);
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

    private async Task ConcludeShadowAsync(string why)
    {
        if (State.Shadow is not { } shadow)
        {
            return;
        }

        State.Shadow = null;
        State.Stamp++;
        var counts = shadow.Counts;
        var enough = counts.Judged >= _verification.ShadowMinimumInputs;
        var passed = !enough || counts.AgreementRate >= _verification.ShadowAgreementThreshold;
        var verdict = enough
            ? $"live shadow: {counts.Agreements} of {counts.Judged} compared calls agree ({Percent(counts.AgreementRate)}, needs {Percent(_verification.ShadowAgreementThreshold)}), {counts.CandidateBreaks} broken, {counts.CandidateFixes} fixed, {counts.Noisy} noisy; {why}"
            : $"live shadow: only {counts.Judged} compared calls (needs {_verification.ShadowMinimumInputs}); deployed on the offline evidence; {why}";
        try
        {
            await testResults.RecordShadowAsync(new NewShadowTestResult(
                Name,
                shadow.BaseVersion,
                shadow.CandidateVersion,
                shadow.AttemptId,
                counts.Total,
                counts.Agreements,
                counts.CandidateBreaks + counts.BothFailDifferently,
                passed && enough,
                "live-" + _verification.Comparison,
                JsonSerializer.Serialize(new { mode = "live", counts, agreementRate = counts.AgreementRate, threshold = _verification.ShadowAgreementThreshold, samples = shadow.Samples.Select(sample => System.Text.Json.Nodes.JsonNode.Parse(sample)).ToList(), verdict })));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            Log.MonitoringStoreFailed(logger, Name, "shadow-result", ex);
        }

        await RecordEventAsync("shadow_ended", null, null, shadow.CandidateVersion, new { passed, verdict });
        Log.ShadowEnded(logger, Name, shadow.CandidateVersion, passed, verdict);
        ImprovementOutcome outcome;
        if (passed && RefuseAutonomous(shadow.CandidateVersion, shadow.BaseVersion) is null && await FindVersionAsync(shadow.CandidateVersion) is { } candidate)
        {
            await ActivateWithMonitoringAsync(candidate, "deploy", verdict, shadow.AttemptId);
            outcome = ImprovementOutcome.Deployed;
            await CompleteAttemptAsync(shadow.AttemptId, ImprovementStatus.Deployed, shadow.CandidateVersion, null);
        }
        else
        {
            await WriteStateAsync();
            outcome = passed ? ImprovementOutcome.DeployRefused : ImprovementOutcome.VerificationFailed;
            await CompleteAttemptAsync(shadow.AttemptId, ImprovementStatus.Rejected, shadow.CandidateVersion, passed ? "the tool changed during the live shadow" : verdict);
        }

        try
        {
            await GrainFactory.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey).RecordImprovementOutcomeAsync(Name, outcome);
        }
#pragma warning disable CA1031 // The outcome is stored; losing the loop's count of it must not fail the shadow.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.RollbackNotificationFailed(logger, Name, ex);
        }
    }

    private async Task CompleteAttemptAsync(long? attemptId, ImprovementStatus status, int candidateVersion, string? error)
    {
        if (attemptId is not { } id)
        {
            return;
        }

        try
        {
            await attempts.CompleteAsync(id, status, candidateVersion, error);
        }
        catch (InvalidOperationException ex)
        {
            Log.MonitoringStoreFailed(logger, Name, "attempt", ex);
        }
    }

    private async Task CancelShadowAsync(string why)
    {
        if (State.Shadow is not { } shadow)
        {
            return;
        }

        State.Shadow = null;
        State.Stamp++;
        await RecordEventAsync("shadow_ended", null, null, shadow.CandidateVersion, new { passed = false, verdict = "cancelled: " + why });
        await CompleteAttemptAsync(shadow.AttemptId, ImprovementStatus.Rejected, shadow.CandidateVersion, "live shadow cancelled: " + why);
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

    private async Task<ToolVersion> AppendAsync(string source, VersionAuthor author, string reason, CancellationToken cancellationToken)
    {
        // The state may lag the store (a lost or reset grain state): on a conflict, continue after the store's latest.
        var next = State.LatestVersion + 1;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await versionStore.AppendAsync(new NewToolVersion(Name, next, source, State.ActiveVersion, author, reason), cancellationToken);
            }
            catch (VersionConflictException) when (attempt < 3)
            {
                var latest = await versionStore.GetLatestAsync(Name, cancellationToken);
                next = (latest?.Version ?? next) + 1;
            }
        }
    }

    private async Task<ToolVersionSummary?> FindVersionAsync(int version)
    {
        if (State.Versions.FirstOrDefault(v => v.Version == version) is { } summary)
        {
            return summary;
        }

        // Older than the summaries kept in state: the store has every version.
        var stored = await versionStore.GetAsync(Name, version);
        return stored is null
            ? null
            : new ToolVersionSummary(stored.Version, stored.SourceHash, AuthorName(stored.Author), stored.Reason, stored.CreatedAt, stored.ParentVersion);
    }

    private ToolCommandResult? Refuse(int version, bool allowPinned)
    {
        if (State.Archived)
        {
            return Result(false, $"tool '{Name}' is {OutOfService}");
        }

        if (State.LatestVersion == 0)
        {
            return Result(false, $"no tool is named '{Name}'");
        }

        if (!allowPinned && State.PinnedVersion is { } pinned && pinned != version)
        {
            return Result(false, $"tool '{Name}' is pinned to version {pinned}; unpin it first");
        }

        return null;
    }

    private ToolHealth Health()
    {
        if (State.Archived)
        {
            return State.Deleted ? ToolHealth.Deleted : ToolHealth.Archived;
        }

        if (State.ActiveVersion is not { } active)
        {
            return ToolHealth.NotDeployed;
        }

        var window = MetricsWindow.Sum(State.Buckets, active, DateTimeOffset.MinValue, _options.Bucket);
        if (window is null || window.Judged < _options.MinimumExecutions)
        {
            return ToolHealth.Unknown;
        }

        return window.SuccessRate >= _options.HealthySuccessRate ? ToolHealth.Healthy : ToolHealth.Degraded;
    }

    private async Task RecordEventAsync(string eventType, ToolStatus? from, ToolStatus? to, int? version, object details)
    {
        await lifecycleStore.RecordEventAsync(new NewLifecycleEvent(Name, eventType, from, to, version, JsonSerializer.Serialize(details)));
    }

    private ToolCommandResult Result(bool succeeded, string message) =>
        new(succeeded, message, State.ActiveVersion, State.PinnedVersion);

    private static string AuthorName(VersionAuthor author) => author == VersionAuthor.Autonomous ? "autonomous" : "human";

    private static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("F1", CultureInfo.InvariantCulture) + " %" : "n/a";
}
