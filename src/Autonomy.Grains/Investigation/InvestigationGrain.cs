using System.Globalization;
using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Analysis;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Autonomy.Grains.Investigation;

/// <summary>
/// Investigates one tool (key: the tool's name) through <see cref="IToolInvestigator"/> and serves its stored
/// reports. Not reentrant, so two investigations of one tool never run at once; it keeps no state, since the
/// reports live in <c>investigation_reports</c>. The investigation itself (rollup and sample reads, statistics, a
/// Roslyn parse of the tool's source) runs on the thread pool, off the grain scheduler.
/// </summary>
public sealed class InvestigationGrain(
    IToolInvestigator investigator,
    IInvestigationReportStore reports,
    IToolVersionStore versions,
    ExecutionLogWriter executionLog,
    TimeProvider time,
    ILogger<InvestigationGrain> logger) : Grain, IInvestigationGrain
{
    /// <summary>The longest window an investigation may read, in days (the analysis options allow no more).</summary>
    public const int MaxWindowDays = 366;

    /// <summary>The verdict shown for a stored report whose findings carry none that can be read.</summary>
    public const string UnknownVerdict = "unknown";

    private string ToolName => this.GetPrimaryKeyString();

    /// <inheritdoc />
    public async Task<InvestigationReply> InvestigateAsync(int? windowDays, CancellationToken cancellationToken = default)
    {
        var toolName = ToolName;
        if (windowDays is { } days && days is < 1 or > MaxWindowDays)
        {
            Log.InvalidWindow(logger, toolName, days);
            return new InvestigationReply(
                InvestigationStatus.InvalidRequest,
                null,
                string.Create(CultureInfo.InvariantCulture, $"the window must be 1 to {MaxWindowDays} days, not {days}"));
        }

        if (string.IsNullOrWhiteSpace(toolName))
        {
            return Unknown(toolName);
        }

        var started = time.GetTimestamp();
        try
        {
            // Executions that ran on this silo may still be buffered; the report should count them. Those buffered
            // on another silo are written within that silo's batch age (Autonomy:ExecutionLog).
            await executionLog.FlushAsync(cancellationToken);
            var window = windowDays is { } d ? TimeSpan.FromDays(d) : (TimeSpan?)null;
            var run = await Task.Run(() => investigator.InvestigateAsync(toolName, window, cancellationToken), cancellationToken);
            var verdict = AnalysisJson.Name(run.Findings.Verdict);
            var summary = Summary(run.Stored, verdict);
            Log.Investigated(logger, toolName, summary.Id, summary.Version, verdict, summary.ShouldImprove, summary.Confidence, time.GetElapsedTime(started));
            return new InvestigationReply(InvestigationStatus.Completed, summary, null);
        }
        catch (UnknownToolException)
        {
            return Unknown(toolName);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.Failed(logger, toolName, time.GetElapsedTime(started), ex);
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<InvestigationReply> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        var toolName = ToolName;
        if (string.IsNullOrWhiteSpace(toolName))
        {
            return Unknown(toolName);
        }

        var latest = await reports.GetLatestAsync(toolName, cancellationToken);
        if (latest is not null)
        {
            return new InvestigationReply(InvestigationStatus.Completed, Summary(latest, VerdictOf(latest)), null);
        }

        if (await versions.GetLatestAsync(toolName, cancellationToken) is null)
        {
            return Unknown(toolName);
        }

        return new InvestigationReply(
            InvestigationStatus.NoReport, null, $"tool '{toolName}' has not been investigated yet; 'autonomy investigate {toolName}' runs one");
    }

    /// <summary>The verdict of a stored report: the <c>verdict</c> property of its findings JSON, or null when it has none.</summary>
    internal static string? ReadVerdict(string findingsJson)
    {
        try
        {
            using var document = JsonDocument.Parse(findingsJson);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("verdict", out var verdict)
                && verdict.ValueKind == JsonValueKind.String
                    ? verdict.GetString()
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private string VerdictOf(InvestigationReport report)
    {
        if (ReadVerdict(report.FindingsJson) is { Length: > 0 } verdict)
        {
            return verdict;
        }

        Log.UnreadableVerdict(logger, report.Id, report.ToolName);
        return UnknownVerdict;
    }

    private InvestigationReply Unknown(string toolName)
    {
        Log.UnknownTool(logger, toolName);
        return new InvestigationReply(
            InvestigationStatus.UnknownTool, null, $"no tool is named '{toolName}'; 'autonomy tools list' shows the tools");
    }

    private static InvestigationSummary Summary(InvestigationReport report, string verdict) => new(
        report.Id,
        report.ToolName,
        report.Version,
        report.ShouldImprove,
        verdict,
        report.RootCause,
        report.Confidence,
        report.FindingsJson,
        report.CreatedAt);
}
