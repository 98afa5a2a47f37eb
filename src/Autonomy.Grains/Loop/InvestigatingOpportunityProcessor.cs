using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Autonomy.Grains.Loop;

/// <summary>
/// The default processor: asks the tool's <see cref="IInvestigationGrain"/> to investigate each opportunity (the
/// report goes to <c>investigation_reports</c>) and records an <see cref="EventType"/> row in
/// <c>tool_lifecycle_events</c> whose details name the report, its verdict and whether to improve. When the report
/// says to improve, the outcome asks the coordinator to schedule an improvement (it bounds how many run at once, and
/// asks the tool's grain whether the loop may change the tool only after its own checks pass).
/// </summary>
/// <remarks>
/// A tool stays an opportunity scan after scan until it is fixed, so a tool investigated less than
/// <see cref="LoopOptions.ReinvestigateAfter"/> ago is left alone, unless a version of it was deployed or rolled
/// back since: new code deserves a new report. Both facts come from the tool's newest lifecycle events, one read,
/// with no tool grain woken. The investigation runs in the investigation grain, off the coordinator, but the
/// coordinator awaits it (bounded by <see cref="LoopOptions.ProcessorTimeoutSeconds"/>), so that the event can name
/// the report.
/// </remarks>
public sealed class InvestigatingOpportunityProcessor(
    IGrainFactory grainFactory,
    ILifecycleEventStore lifecycleStore,
    IOptions<LoopOptions> options,
    TimeProvider time,
    ILogger<InvestigatingOpportunityProcessor> logger) : IOpportunityProcessor
{
    /// <summary>The lifecycle event type it records.</summary>
    public const string EventType = "opportunity_detected";

    /// <summary>
    /// The newest lifecycle events read to find the last investigation. Events are rare (deploys, pins, one per
    /// investigation), so the last investigation is among them unless the tool changed many times since, and then it
    /// is investigated again, which is right.
    /// </summary>
    public const int EventsRead = 50;

    /// <summary>The lifecycle events that change the code a tool runs.</summary>
    private static readonly HashSet<string> VersionChanges = new(StringComparer.Ordinal) { "deployed", "rolled_back" };

    /// <inheritdoc />
    public async Task<OpportunityOutcome> ProcessAsync(LoopOpportunity opportunity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var events = await lifecycleStore.ListEventsAsync(opportunity.ToolName, EventsRead, cancellationToken);
        if (InvestigatedRecently(events, time.GetUtcNow(), options.Value.ReinvestigateAfter) is { } last)
        {
            Log.InvestigationSkipped(logger, opportunity.ToolName, last.OccurredAt);

            // The last report still stands: if it said to improve, the coordinator may start the improvement now (a
            // slot freed, a cooldown ended) without a new investigation.
            return new OpportunityOutcome(false, false, false, "investigated recently; no version deployed since", SaidToImprove(last));
        }

        var reply = await grainFactory.GetGrain<IInvestigationGrain>(opportunity.ToolName).InvestigateAsync(null, cancellationToken);
        var report = reply.Report;
        var details = JsonSerializer.Serialize(new
        {
            reason = opportunity.Reason,
            successRate = opportunity.SuccessRate,
            executions = opportunity.Executions,
            failures = opportunity.Failures,
            investigation = reply.Status.ToString(),
            reportId = report?.Id,
            verdict = report?.Verdict,
            shouldImprove = report?.ShouldImprove,
            confidence = report?.Confidence,
            message = reply.Message,
        });
        await lifecycleStore.RecordEventAsync(
            new NewLifecycleEvent(opportunity.ToolName, EventType, null, null, report?.Version, details), cancellationToken);
        Log.OpportunityInvestigated(logger, opportunity.ToolName, reply.Status, report?.Id, report?.Verdict);
        return new OpportunityOutcome(
            false,
            false,
            false,
            report is null ? $"not investigated: {reply.Message}" : $"investigated: {report.Verdict} (report {report.Id})",
            report?.ShouldImprove == true);
    }

    /// <summary>Whether the report an <see cref="EventType"/> event names said to improve the tool.</summary>
    internal static bool SaidToImprove(LifecycleEvent investigated)
    {
        try
        {
            using var details = JsonDocument.Parse(investigated.DetailsJson);
            return details.RootElement.TryGetProperty("shouldImprove", out var value) && value.ValueKind == JsonValueKind.True;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The tool's last investigation by the loop when it is younger than <paramref name="span"/> and no version
    /// was deployed or rolled back after it; otherwise null. <paramref name="newestFirst"/> are the tool's newest
    /// lifecycle events.
    /// </summary>
    internal static LifecycleEvent? InvestigatedRecently(IReadOnlyList<LifecycleEvent> newestFirst, DateTimeOffset now, TimeSpan span)
    {
        foreach (var e in newestFirst)
        {
            if (VersionChanges.Contains(e.EventType))
            {
                return null;
            }

            if (string.Equals(e.EventType, EventType, StringComparison.Ordinal))
            {
                return now - e.OccurredAt < span ? e : null;
            }
        }

        return null;
    }
}
