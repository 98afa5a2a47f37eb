using System.Globalization;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Analysis;
using Autonomy.Core.Repair;
using Autonomy.Core.Storage;
using Autonomy.Core.Verification;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Grains.Improvement;

/// <summary>
/// Improves one tool (key: the tool's name) with <see cref="ToolImprover"/> and deploys what it finds through the
/// tool's grain, as an autonomous version. Not reentrant, so two attempts on one tool never run at once. The search
/// (Roslyn, the sandbox, many candidates) runs on the thread pool, off the grain scheduler; the only field is the
/// running attempt's progress sink, so <see cref="GetProgressAsync"/> and <see cref="ListAttemptsAsync"/> may
/// interleave with an attempt: they read one reference and the store, and change nothing.
/// </summary>
public sealed class ImprovementGrain(
    ToolImprover improver,
    CandidateVerifier verifier,
    IImprovementAttemptStore attempts,
    IToolVersionStore versions,
    IOptions<VerificationOptions> verificationOptions,
    ExecutionLogWriter executionLog,
    TimeProvider time,
    ILogger<ImprovementGrain> logger) : Grain, IImprovementGrain
{
    /// <summary>The author the tool's grain records for versions the loop wrote.</summary>
    public const string AutonomousAuthor = "autonomous";

    /// <summary>The most attempts <see cref="ListAttemptsAsync"/> returns.</summary>
    public const int MaxAttemptsListed = 100;

    // Written only by ImproveAsync's turns (which never overlap: the grain is not reentrant); read by the
    // interleaving GetProgressAsync. Null when no attempt runs.
    private ImprovementProgressSink? _running;

    private string ToolName => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<ImprovementReply> ImproveAsync(CancellationToken cancellationToken = default)
    {
        var toolName = ToolName;
        var tool = GrainFactory.GetGrain<IToolGrain>(toolName);
        var description = await tool.DescribeAsync();
        if (Refusal(toolName, description) is { } refusal)
        {
            Log.Refused(logger, toolName, refusal.Outcome);
            return refusal;
        }

        var baseVersion = description.ActiveVersion!.Value;
        var sink = new ImprovementProgressSink(baseVersion, time);
        _running = sink;
        try
        {
            // Executions that ran on this silo may still be buffered; the cases should include them.
            await executionLog.FlushAsync(cancellationToken);
            ImprovementRun run;
            try
            {
                run = await Task.Run(() => improver.ImproveAsync(toolName, baseVersion, sink, cancellationToken), cancellationToken);
            }
            catch (UnknownToolException)
            {
                return Reply(ImprovementOutcome.UnknownTool, $"no tool is named '{toolName}'; 'autonomy tools list' shows the tools", null, null);
            }

            if (run.Result.Accepted is not { } candidate)
            {
                Log.NoFix(logger, toolName, run.Attempt.Id, baseVersion, sink.Elapsed);
                return Reply(ImprovementOutcome.NoFix, $"no fix found for v{baseVersion}: {run.Result.Verdict}", AttemptSummaries.From(run.Attempt), description.ActiveVersion);
            }

            sink.SetStage("registering and deploying");
            return await DeployAsync(tool, run, candidate, sink);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Failed(logger, toolName, sink.Elapsed, ex);
            throw;
        }
        finally
        {
            _running = null;
        }
    }

    /// <inheritdoc />
    public Task<ImprovementProgress?> GetProgressAsync() => Task.FromResult(_running?.Read());

    /// <inheritdoc />
    public async Task<IReadOnlyList<ImprovementAttemptSummary>> ListAttemptsAsync(int limit, CancellationToken cancellationToken = default)
    {
        var toolName = ToolName;
        if (string.IsNullOrWhiteSpace(toolName))
        {
            return [];
        }

        var stored = await attempts.ListAsync(toolName, Math.Clamp(limit, 1, MaxAttemptsListed), cancellationToken);
        return [.. stored.Select(AttemptSummaries.From)];
    }

    /// <summary>Why the tool may not be improved now, or null when it may.</summary>
    internal static ImprovementReply? Refusal(string toolName, ToolDescription description)
    {
        if (string.IsNullOrWhiteSpace(toolName) || (description.Versions.Count == 0 && description.ActiveVersion is null && !description.Archived))
        {
            return Reply(ImprovementOutcome.UnknownTool, $"no tool is named '{toolName}'; 'autonomy tools list' shows the tools", null, null);
        }

        if (description.Archived)
        {
            return Reply(ImprovementOutcome.Archived, $"tool '{toolName}' is archived", null, description.ActiveVersion);
        }

        if (description.ActiveVersion is null)
        {
            return Reply(ImprovementOutcome.NotDeployed, $"tool '{toolName}' has no deployed version to improve", null, null);
        }

        if (description.PinnedVersion is { } pinned)
        {
            return Reply(
                ImprovementOutcome.Pinned,
                string.Create(CultureInfo.InvariantCulture, $"tool '{toolName}' is pinned to v{pinned}; the loop does not change a pinned tool ('autonomy tools unpin {toolName}' lifts the pin)"),
                null,
                description.ActiveVersion);
        }

        if (description.CooldownUntil is { } until)
        {
            return Reply(
                ImprovementOutcome.CoolingDown,
                string.Create(CultureInfo.InvariantCulture, $"tool '{toolName}' is cooling down after an automatic rollback until {until:u}; the loop leaves it alone until then"),
                null,
                description.ActiveVersion);
        }

        if (description.Shadow is { } shadow)
        {
            return Reply(
                ImprovementOutcome.InShadow,
                string.Create(CultureInfo.InvariantCulture, $"v{shadow.CandidateVersion} of tool '{toolName}' is already in live shadow"),
                null,
                description.ActiveVersion);
        }

        return null;
    }

    /// <inheritdoc />
    public async Task StartAsync()
    {
        ImprovementOutcome outcome;
        try
        {
            outcome = (await ImproveAsync()).Outcome;
        }
#pragma warning disable CA1031 // The loop must hear how it ended, whatever happened; the failure is logged by ImproveAsync.
        catch (Exception)
#pragma warning restore CA1031
        {
            outcome = ImprovementOutcome.NoFix;
        }

        await GrainFactory.GetGrain<ILoopCoordinatorGrain>(ILoopCoordinatorGrain.ClusterKey).RecordImprovementOutcomeAsync(ToolName, outcome);
    }

    /// <inheritdoc />
    public async Task<ImprovementReply> ApproveAsync(long attemptId, string approver, CancellationToken cancellationToken = default)
    {
        var toolName = ToolName;
        var attempt = await attempts.GetAsync(attemptId, cancellationToken);
        if (attempt is null || !string.Equals(attempt.ToolName, toolName, StringComparison.Ordinal))
        {
            return Reply(ImprovementOutcome.UnknownTool, string.Create(CultureInfo.InvariantCulture, $"tool '{toolName}' has no improvement attempt {attemptId}"), null, null);
        }

        if (attempt.Status != ImprovementStatus.AwaitingApproval || attempt.CandidateVersion is not { } candidate)
        {
            return Reply(
                ImprovementOutcome.DeployRefused,
                string.Create(CultureInfo.InvariantCulture, $"attempt {attemptId} is {AttemptSummaries.From(attempt).Status}, not awaiting approval"),
                AttemptSummaries.From(attempt),
                null);
        }

        var who = string.IsNullOrWhiteSpace(approver) ? "an operator" : approver.Trim();
        var deployed = await GrainFactory.GetGrain<IToolGrain>(toolName).DeployVerifiedAsync(
            candidate, attempt.BaseVersion, attemptId, string.Create(CultureInfo.InvariantCulture, $"approved by {who} (attempt {attemptId})"));
        if (!deployed.Succeeded)
        {
            return Reply(ImprovementOutcome.DeployRefused, "not deployed: " + deployed.Message, AttemptSummaries.From(attempt), deployed.ActiveVersion);
        }

        var completed = await attempts.CompleteAsync(attemptId, ImprovementStatus.Deployed, candidate, null, null, CancellationToken.None);
        Log.Approved(logger, toolName, attemptId, candidate, who);
        return Reply(
            ImprovementOutcome.Deployed,
            string.Create(CultureInfo.InvariantCulture, $"v{candidate} is deployed on {who}'s approval"),
            AttemptSummaries.From(completed),
            deployed.ActiveVersion);
    }

    private async Task<ImprovementReply> DeployAsync(IToolGrain tool, ImprovementRun run, RepairCandidate candidate, ImprovementProgressSink sink)
    {
        var toolName = ToolName;
        var baseVersion = run.Attempt.BaseVersion;
        int? registeredVersion = null;
        var closing = false;
        try
        {
            // The search took a while: a person may have pinned, archived or redeployed the tool meanwhile, and a fix
            // of the old active version must not replace what they chose.
            var now = await tool.DescribeAsync();
            if (now.Archived || now.PinnedVersion is not null || now.ActiveVersion != baseVersion)
            {
                var why = now.Archived ? "the tool was archived"
                    : now.PinnedVersion is { } pinned ? string.Create(CultureInfo.InvariantCulture, $"the tool was pinned to v{pinned}")
                    : string.Create(CultureInfo.InvariantCulture, $"the active version changed to v{now.ActiveVersion}");
                closing = true;
                return await RejectAsync(run, ImprovementOutcome.DeployRefused, $"not deployed: {why} during the attempt", null, now.ActiveVersion);
            }

            var reason = string.Create(CultureInfo.InvariantCulture, $"improvement attempt {run.Attempt.Id}: {run.Result.Verdict}");
            var registered = await tool.RegisterVersionAsync(candidate.Source, AutonomousAuthor, reason);
            if (registered.Version is not { } version)
            {
                closing = true;
                return await RejectAsync(run, ImprovementOutcome.CandidateRejected, $"the tool rejected the candidate: {registered.Message}", null, baseVersion);
            }

            registeredVersion = version;
            sink.SetStage("verifying the candidate");
            var baseSource = (await versions.GetAsync(toolName, baseVersion))?.Source
                ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"version {baseVersion} of '{toolName}' is missing from the version store"));
            var request = new VerificationRequest(toolName, baseVersion, baseSource, version, candidate.Source, run.Attempt.Id);
            var report = await Task.Run(() => verifier.VerifyAsync(request, new Progress<string>(sink.SetStage)));
            // From here on the attempt's details carry the verification report, whichever way the attempt closes.
            run = run with { DetailsJson = DetailsWith(run.DetailsJson, report) };
            Log.Verified(logger, toolName, run.Attempt.Id, version, report.Verdict, report.Summary);
            if (report.Verdict == VerificationVerdict.Failed)
            {
                closing = true;
                var failed = await improver.RecordRejectedAsync(run, report.Summary, version, CancellationToken.None);
                return Reply(ImprovementOutcome.VerificationFailed, string.Create(CultureInfo.InvariantCulture, $"v{version} is not deployed: {report.Summary}"), AttemptSummaries.From(failed), baseVersion);
            }

            if (report.Verdict == VerificationVerdict.NeedsApproval)
            {
                closing = true;
                var waiting = await attempts.RequestApprovalAsync(run.Attempt.Id, version, report.Summary, run.DetailsJson, CancellationToken.None);
                return Reply(
                    ImprovementOutcome.AwaitingApproval,
                    string.Create(CultureInfo.InvariantCulture, $"v{version} waits for approval ('autonomy approve {run.Attempt.Id}'): {report.Summary}"),
                    AttemptSummaries.From(waiting),
                    baseVersion);
            }

            sink.SetStage("deploying");
            var running = await attempts.RecordDetailsAsync(run.Attempt.Id, run.DetailsJson, CancellationToken.None);
            if (verificationOptions.Value.LiveShadowExecutions > 0)
            {
                var shadow = await tool.StartShadowAsync(version, baseVersion, run.Attempt.Id);
                closing = true;
                if (shadow.Succeeded)
                {
                    return Reply(ImprovementOutcome.InShadow, string.Create(CultureInfo.InvariantCulture, $"v{version} passed verification and is in live shadow: {shadow.Message}"), AttemptSummaries.From(running), baseVersion);
                }

                return await RejectAsync(run, ImprovementOutcome.DeployRefused, string.Create(CultureInfo.InvariantCulture, $"v{version} was verified but not shadowed: {shadow.Message}"), version, shadow.ActiveVersion);
            }

            var deployed = await tool.DeployVerifiedAsync(version, baseVersion, run.Attempt.Id, report.Summary);
            closing = true;
            if (!deployed.Succeeded)
            {
                return await RejectAsync(
                    run,
                    ImprovementOutcome.DeployRefused,
                    string.Create(CultureInfo.InvariantCulture, $"v{version} was verified but not deployed: {deployed.Message}"),
                    version,
                    deployed.ActiveVersion);
            }

            var attempt = await improver.RecordDeployedAsync(run, version, CancellationToken.None);
            Log.Deployed(logger, toolName, attempt.Id, baseVersion, version, sink.Elapsed);
            return Reply(
                ImprovementOutcome.Deployed,
                string.Create(CultureInfo.InvariantCulture, $"v{version} fixes v{baseVersion}, passed verification and is deployed"),
                AttemptSummaries.From(attempt),
                deployed.ActiveVersion);
        }
        catch (Exception ex) when (!closing)
        {
            // The attempt must not stay in progress forever because a call to the tool's grain failed.
            await improver.RecordRejectedAsync(run, $"the deploy failed: {ex.GetType().Name}: {ex.Message}", registeredVersion, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The attempt's details with the verification report added under <c>verification</c>.</summary>
    private static string DetailsWith(string detailsJson, VerificationReport report)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(detailsJson) as System.Text.Json.Nodes.JsonObject ?? [];
        node["verification"] = System.Text.Json.JsonSerializer.SerializeToNode(report.ToDetails());
        return node.ToJsonString();
    }

    private async Task<ImprovementReply> RejectAsync(ImprovementRun run, ImprovementOutcome outcome, string reason, int? candidateVersion, int? activeVersion)
    {
        var attempt = await improver.RecordRejectedAsync(run, reason, candidateVersion, CancellationToken.None);
        Log.NotDeployed(logger, ToolName, attempt.Id, outcome, reason);
        return Reply(outcome, reason, AttemptSummaries.From(attempt), activeVersion);
    }

    private static ImprovementReply Reply(ImprovementOutcome outcome, string message, ImprovementAttemptSummary? attempt, int? activeVersion) =>
        new(outcome, message, attempt, activeVersion);
}
