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
/// <see cref="ToolCompiler"/> and is only awaited here. The type is split by responsibility: versions and commands
/// here, monitoring and rollback in <c>ToolGrain.Monitoring.cs</c>, live shadow in <c>ToolGrain.Shadow.cs</c>,
/// archive, restore and delete in <c>ToolGrain.Lifecycle.cs</c>.
/// </summary>
public sealed partial class ToolGrain(
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
    IRegressionDetector detector,
    AutonomyMetrics metrics,
    TimeProvider time,
    ILogger<ToolGrain> logger) : Grain, IToolGrain, IRemindable
{
    /// <summary>The name of the health-check reminder.</summary>
    public const string HealthCheckReminder = "health-check";

    private readonly ToolGrainOptions _options = options.Value;
    private readonly MonitoringOptions _monitoring = monitoringOptions.Value;
    private readonly VerificationOptions _verification = verificationOptions.Value;
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

    /// <inheritdoc />
    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_metricsUnsaved)
        {
            await WriteStateAsync(cancellationToken);
        }
    }

    private async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        await state.WriteStateAsync(cancellationToken);
        _metricsUnsaved = false;
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
