namespace Autonomy.Core.Storage;

/// <summary>Analytics snapshots of tools (<c>tool_analytics</c>).</summary>
public interface IToolAnalyticsStore
{
    /// <summary>Saves a snapshot and returns it as stored.</summary>
    Task<ToolAnalytics> SaveAsync(NewToolAnalytics analytics, CancellationToken cancellationToken = default);

    /// <summary>The newest snapshot of a tool, or null.</summary>
    Task<ToolAnalytics?> GetLatestAsync(string toolName, CancellationToken cancellationToken = default);

    /// <summary>The newest snapshots of a tool, newest first.</summary>
    Task<IReadOnlyList<ToolAnalytics>> ListAsync(string toolName, int limit, CancellationToken cancellationToken = default);
}
