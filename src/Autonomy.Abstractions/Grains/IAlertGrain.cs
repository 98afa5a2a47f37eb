namespace Autonomy.Abstractions.Grains;

/// <summary>
/// Alerts for a person across tools (key <see cref="Key"/>): deletions and archivals of valuable tools that the
/// lifecycle manager holds back until someone acknowledges them. A stateless front over <c>tool_alerts</c>.
/// </summary>
[Alias("autonomy.alerts")]
public interface IAlertGrain : IGrainWithIntegerKey
{
    /// <summary>The key callers use; any key works, since the grain keeps no state.</summary>
    const long Key = 0;

    /// <summary>
    /// Alerts, newest first (at most <paramref name="limit"/>, capped at 200): those waiting for a person, or with
    /// <paramref name="includeAcknowledged"/> every alert, acknowledged and resolved ones too.
    /// </summary>
    [Alias("list")]
    Task<IReadOnlyList<ToolAlertSummary>> ListAsync(bool includeAcknowledged, int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that <paramref name="acknowledgedBy"/> saw alert <paramref name="alertId"/>. For a lifecycle alert this
    /// lets the held-back deletion or archival go ahead at the next maintenance run.
    /// </summary>
    [Alias("acknowledge")]
    Task<AlertAcknowledgement> AcknowledgeAsync(long alertId, string acknowledgedBy, CancellationToken cancellationToken = default);
}
