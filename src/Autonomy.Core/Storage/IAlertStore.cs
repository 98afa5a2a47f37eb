namespace Autonomy.Core.Storage;

/// <summary>
/// Alerts for a person (<c>tool_alerts</c>): actions held back because a tool is valuable, and anything else that
/// needs a human. An alert is open until resolved; at most one alert per tool and kind is open at a time.
/// Acknowledging an alert records that a person saw it (for the lifecycle manager: that the held-back action may go
/// ahead); resolving it records that it is dealt with.
/// </summary>
public interface IAlertStore
{
    /// <summary>
    /// Raises an alert unless the tool already has an open alert of that kind, acknowledged or not, which is then
    /// returned unchanged: raising is idempotent while the first alert is open.
    /// </summary>
    Task<RaisedAlert> RaiseAsync(NewToolAlert alert, CancellationToken cancellationToken = default);

    /// <summary>One alert, or null.</summary>
    Task<ToolAlert?> GetAsync(long alertId, CancellationToken cancellationToken = default);

    /// <summary>The tool's open (unresolved) alert of a kind, acknowledged or not, or null.</summary>
    Task<ToolAlert?> GetOpenAsync(string toolName, string kind, CancellationToken cancellationToken = default);

    /// <summary>
    /// Alerts, newest first: those waiting for a person (open and not acknowledged), or with
    /// <paramref name="includeAcknowledged"/> every alert, acknowledged and resolved ones too.
    /// </summary>
    Task<IReadOnlyList<ToolAlert>> ListAsync(bool includeAcknowledged, int limit, CancellationToken cancellationToken = default);

    /// <summary>Every open (unresolved) alert, acknowledged or not, oldest first: what maintenance re-examines.</summary>
    Task<IReadOnlyList<ToolAlert>> ListOpenAsync(int limit, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records that <paramref name="acknowledgedBy"/> saw the alert, and returns it; null when the alert does not exist
    /// or is already acknowledged (which <see cref="GetAsync"/> tells apart), leaving it unchanged.
    /// </summary>
    Task<ToolAlert?> AcknowledgeAsync(long alertId, string acknowledgedBy, CancellationToken cancellationToken = default);

    /// <summary>Closes an open alert with how it was resolved, and returns it.</summary>
    /// <exception cref="InvalidOperationException">The alert does not exist, or is already resolved.</exception>
    Task<ToolAlert> ResolveAsync(long alertId, string resolution, CancellationToken cancellationToken = default);
}
