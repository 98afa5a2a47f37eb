using System.Text.Json;
using Autonomy.Abstractions.Grains;
using Autonomy.Core.Storage;

namespace Autonomy.Grains.Loop;

/// <summary>
/// The default processor, until investigation and improvement exist: records each opportunity as an
/// <c>opportunity_detected</c> row in <c>tool_lifecycle_events</c> and attempts nothing. A tool still flagged scan
/// after scan is recorded again only when something else happened to it since, or after <see cref="RepeatAfter"/>,
/// so that a five-minute scan does not write 288 rows a day per failing tool.
/// </summary>
public sealed class RecordingOpportunityProcessor(ILifecycleEventStore lifecycleStore, TimeProvider time) : IOpportunityProcessor
{
    /// <summary>The lifecycle event type it records.</summary>
    public const string EventType = "opportunity_detected";

    /// <summary>How long an unchanged opportunity goes unrecorded.</summary>
    public static readonly TimeSpan RepeatAfter = TimeSpan.FromHours(24);

    /// <inheritdoc />
    public async Task<OpportunityOutcome> ProcessAsync(LoopOpportunity opportunity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(opportunity);
        var latest = await lifecycleStore.ListEventsAsync(opportunity.ToolName, 1, cancellationToken);
        if (latest is [{ } last] && string.Equals(last.EventType, EventType, StringComparison.Ordinal) && time.GetUtcNow() - last.OccurredAt < RepeatAfter)
        {
            return new OpportunityOutcome(false, false, false, "already recorded");
        }

        var details = JsonSerializer.Serialize(new
        {
            reason = opportunity.Reason,
            successRate = opportunity.SuccessRate,
            executions = opportunity.Executions,
            failures = opportunity.Failures,
        });
        await lifecycleStore.RecordEventAsync(new NewLifecycleEvent(opportunity.ToolName, EventType, null, null, null, details), cancellationToken);
        return new OpportunityOutcome(false, false, false, "recorded");
    }
}
