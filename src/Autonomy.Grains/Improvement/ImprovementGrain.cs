using System.Globalization;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Analysis;
using Autonomy.Core.Repair;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Logging;

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
    IImprovementAttemptStore attempts,
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

        return null;
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
            var deployed = await tool.DeployAsync(version);
            closing = true;
            if (!deployed.Succeeded)
            {
                return await RejectAsync(
                    run,
                    ImprovementOutcome.DeployRefused,
                    string.Create(CultureInfo.InvariantCulture, $"v{version} was registered but not deployed: {deployed.Message}"),
                    version,
                    deployed.ActiveVersion);
            }

            var attempt = await improver.RecordDeployedAsync(run, version, CancellationToken.None);
            Log.Deployed(logger, toolName, attempt.Id, baseVersion, version, sink.Elapsed);
            return Reply(
                ImprovementOutcome.Deployed,
                string.Create(CultureInfo.InvariantCulture, $"v{version} fixes v{baseVersion} and is deployed"),
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

    private async Task<ImprovementReply> RejectAsync(ImprovementRun run, ImprovementOutcome outcome, string reason, int? candidateVersion, int? activeVersion)
    {
        var attempt = await improver.RecordRejectedAsync(run, reason, candidateVersion, CancellationToken.None);
        Log.NotDeployed(logger, ToolName, attempt.Id, outcome, reason);
        return Reply(outcome, reason, AttemptSummaries.From(attempt), activeVersion);
    }

    private static ImprovementReply Reply(ImprovementOutcome outcome, string message, ImprovementAttemptSummary? attempt, int? activeVersion) =>
        new(outcome, message, attempt, activeVersion);
}
