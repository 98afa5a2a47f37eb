namespace Autonomy.Core.Storage.Sql;

/// <summary><see cref="IToolAnalyticsStore"/> in SQL both PostgreSQL and SQLite run.</summary>
public sealed class SqlToolAnalyticsStore(SqlStoreDatabase database, TimeProvider timeProvider) : IToolAnalyticsStore
{
    private const string Columns =
        "id, tool_name, version, window_start, window_end, total_executions, successful_executions, success_rate, " +
        "average_duration_ms, p95_duration_ms, details, analyzed_at";

    /// <inheritdoc />
    public Task<ToolAnalytics> SaveAsync(NewToolAnalytics analytics, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(analytics);
        ArgumentException.ThrowIfNullOrWhiteSpace(analytics.ToolName);
        return database.WriteAsync(
            $"Saving analytics of '{analytics.ToolName}'",
            $"""
            INSERT INTO tool_analytics (tool_name, version, window_start, window_end, total_executions, successful_executions,
                                        success_rate, average_duration_ms, p95_duration_ms, details, analyzed_at)
            VALUES (@tool_name, @version, @window_start, @window_end, @total_executions, @successful_executions,
                    @success_rate, @average_duration_ms, @p95_duration_ms, @details, @analyzed_at)
            RETURNING {Columns}
            """,
            statement => statement
                .Value("@tool_name", analytics.ToolName)
                .Value("@version", analytics.Version)
                .Timestamp("@window_start", analytics.WindowStart)
                .Timestamp("@window_end", analytics.WindowEnd)
                .Value("@total_executions", analytics.TotalExecutions)
                .Value("@successful_executions", analytics.SuccessfulExecutions)
                .Value("@success_rate", analytics.SuccessRate)
                .Value("@average_duration_ms", analytics.AverageDurationMs)
                .Value("@p95_duration_ms", analytics.P95DurationMs)
                .Json("@details", analytics.DetailsJson)
                .Timestamp("@analyzed_at", timeProvider.GetUtcNow()),
            Read,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ToolAnalytics?> GetLatestAsync(string toolName, CancellationToken cancellationToken = default) =>
        database.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM tool_analytics WHERE tool_name = @tool_name ORDER BY analyzed_at DESC, id DESC LIMIT 1",
            statement => statement.Value("@tool_name", toolName),
            Read,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolAnalytics>> ListAsync(string toolName, int limit, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"SELECT {Columns} FROM tool_analytics WHERE tool_name = @tool_name ORDER BY analyzed_at DESC, id DESC LIMIT @limit",
            statement => statement.Value("@tool_name", toolName).Value("@limit", limit),
            Read,
            cancellationToken);

    private static ToolAnalytics Read(SqlRow row) => new(
        row.Int64(0),
        row.String(1),
        row.NullableInt32(2),
        row.Timestamp(3),
        row.Timestamp(4),
        row.Int64(5),
        row.Int64(6),
        row.NullableDouble(7),
        row.NullableDouble(8),
        row.NullableDouble(9),
        row.String(10),
        row.Timestamp(11));
}
