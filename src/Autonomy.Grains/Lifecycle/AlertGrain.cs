using Autonomy.Abstractions.Grains;
using Autonomy.Core.Lifecycle;
using Autonomy.Core.Storage;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Autonomy.Grains.Lifecycle;

/// <summary>The alerts for a person, across tools: a stateless front over <see cref="IAlertStore"/> for the admin command line.</summary>
[StatelessWorker]
public sealed class AlertGrain(IAlertStore alerts, ILogger<AlertGrain> logger) : Grain, IAlertGrain
{
    /// <summary>The most alerts one call lists.</summary>
    public const int MaxAlertsListed = 200;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ToolAlertSummary>> ListAsync(bool includeAcknowledged, int limit, CancellationToken cancellationToken = default)
    {
        var listed = await alerts.ListAsync(includeAcknowledged, Math.Clamp(limit, 1, MaxAlertsListed), cancellationToken);
        return [.. listed.Select(Summary)];
    }

    /// <inheritdoc />
    public async Task<AlertAcknowledgement> AcknowledgeAsync(long alertId, string acknowledgedBy, CancellationToken cancellationToken = default)
    {
        var by = string.IsNullOrWhiteSpace(acknowledgedBy) ? "unknown" : acknowledgedBy.Trim();
        if (await alerts.AcknowledgeAsync(alertId, by, cancellationToken) is { } alert)
        {
            Log.AlertAcknowledged(logger, alertId, by);
            return new AlertAcknowledgement(AlertAcknowledgementStatus.Acknowledged, Summary(alert), Next(alert));
        }

        // Nothing was acknowledged: the alert is missing, or someone acknowledged it first.
        var existing = await alerts.GetAsync(alertId, cancellationToken);
        return existing is null
            ? new AlertAcknowledgement(AlertAcknowledgementStatus.NotFound, null, $"there is no alert {alertId}; 'autonomy alerts --all' lists them")
            : new AlertAcknowledgement(
                AlertAcknowledgementStatus.AlreadyAcknowledged,
                Summary(existing),
                $"Alert {alertId} was already acknowledged by {existing.AcknowledgedBy} at {existing.AcknowledgedAt:u}.");
    }

    private static string Next(ToolAlert alert)
    {
        if (alert.IsResolved)
        {
            return $"acknowledged; the alert was already resolved: {alert.Resolution}";
        }

        return alert.Kind switch
        {
            LifecycleAlertKinds.DeleteValuable => $"acknowledged; the next maintenance run deletes tool '{alert.ToolName}' unless its file is back ('autonomy maintenance run' runs it now)",
            LifecycleAlertKinds.ArchiveValuable => $"acknowledged; the next maintenance run archives tool '{alert.ToolName}' unless it is used again ('autonomy maintenance run' runs it now)",
            _ => "acknowledged",
        };
    }

    private static ToolAlertSummary Summary(ToolAlert alert) => new(
        alert.Id,
        alert.ToolName,
        alert.Kind,
        alert.Message,
        alert.DetailsJson,
        alert.CreatedAt,
        alert.AcknowledgedAt,
        alert.AcknowledgedBy,
        alert.ResolvedAt,
        alert.Resolution);
}
