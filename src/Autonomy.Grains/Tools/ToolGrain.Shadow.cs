using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;

namespace Autonomy.Grains.Tools;

/// <summary>The tool grain's live shadow: a verified candidate runs beside the active version on sampled real calls, off the callers' path, and is deployed if it agrees (decision 0014).</summary>
public sealed partial class ToolGrain
{
    /// <summary>Mismatch samples a live shadow keeps.</summary>
    public const int MaxShadowSamples = 5;

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

        await TellTheLoopAsync(outcome);
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
        await TellTheLoopAsync(ImprovementOutcome.DeployRefused);
    }

    /// <summary>Tells the loop's coordinator how a live shadow it may have started ended, so its slot frees at once.</summary>
    private async Task TellTheLoopAsync(ImprovementOutcome outcome)
    {
        try
        {
            await GrainFactory.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey).RecordImprovementOutcomeAsync(Name, outcome);
        }
#pragma warning disable CA1031 // The outcome is stored; losing the loop's count of it must not fail the shadow.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.ImprovementNotificationFailed(logger, Name, ex);
        }
    }
}
