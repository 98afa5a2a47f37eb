using System.Text.Json;
using Autonomy.Core.Storage;

namespace Autonomy.Core.Versions;

/// <summary>
/// Reconstructs when each version of a tool was active from its lifecycle events: a <c>deployed</c> or
/// <c>rolled_back</c> event makes its version active and ends the active one's period. Archiving ends the active
/// period too. History is append-only, so the periods are a pure function of the events.
/// </summary>
public static class VersionLivePeriods
{
    /// <summary>The live periods in time order.</summary>
    /// <param name="events">The tool's lifecycle events, in any order.</param>
    public static IReadOnlyList<LivePeriod> From(IEnumerable<LifecycleEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var periods = new List<LivePeriod>();
        LivePeriod? current = null;
        foreach (var e in events.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id))
        {
            var starts = e.EventType is "deployed" or "rolled_back" && e.Version is not null;
            var ends = starts || e.EventType is "archived" or "deleted";
            if (ends && current is not null)
            {
                if (starts && current.Version == e.Version)
                {
                    // Deploying the active version again changes nothing.
                    continue;
                }

                periods.Add(current with { To = e.OccurredAt });
                current = null;
            }

            if (starts)
            {
                current = new LivePeriod(e.Version!.Value, e.OccurredAt, null, How(e));
            }
        }

        if (current is not null)
        {
            periods.Add(current);
        }

        return periods;
    }

    private static string How(LifecycleEvent e)
    {
        if (e.EventType == "deployed")
        {
            return "deploy";
        }

        try
        {
            using var details = JsonDocument.Parse(e.DetailsJson);
            return details.RootElement.TryGetProperty("automatic", out var automatic) && automatic.ValueKind == JsonValueKind.True ? "auto-rollback" : "rollback";
        }
        catch (JsonException)
        {
            return "rollback";
        }
    }
}
