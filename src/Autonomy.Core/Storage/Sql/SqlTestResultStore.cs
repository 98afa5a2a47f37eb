namespace Autonomy.Core.Storage.Sql;

/// <summary><see cref="ITestResultStore"/> in SQL both PostgreSQL and SQLite run.</summary>
public sealed class SqlTestResultStore(SqlStoreDatabase database, TimeProvider timeProvider) : ITestResultStore
{
    private const string ShadowColumns =
        "id, tool_name, old_version, new_version, improvement_attempt_id, total_cases, agreements, errors, passed, " +
        "comparison_strategy, details, tested_at";

    private const string ReplayColumns =
        "id, tool_name, baseline_version, new_version, improvement_attempt_id, total_replays, successes, regressions, " +
        "improvements, passed, details, tested_at";

    private const string SummaryColumns =
        "test_type, test_id, tool_name, baseline_version, new_version, improvement_attempt_id, total_cases, passed_cases, " +
        "pass_rate, regressions, passed, tested_at";

    /// <inheritdoc />
    public Task<ShadowTestResult> RecordShadowAsync(NewShadowTestResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(result.ToolName);
        return database.WriteAsync(
            $"Recording a shadow test of '{result.ToolName}'",
            $"""
            INSERT INTO shadow_test_results (tool_name, old_version, new_version, improvement_attempt_id, total_cases, agreements,
                                             errors, passed, comparison_strategy, details, tested_at)
            VALUES (@tool_name, @old_version, @new_version, @improvement_attempt_id, @total_cases, @agreements,
                    @errors, @passed, @comparison_strategy, @details, @tested_at)
            RETURNING {ShadowColumns}
            """,
            statement => statement
                .Value("@tool_name", result.ToolName)
                .Value("@old_version", result.OldVersion)
                .Value("@new_version", result.NewVersion)
                .Value("@improvement_attempt_id", result.ImprovementAttemptId)
                .Value("@total_cases", result.TotalCases)
                .Value("@agreements", result.Agreements)
                .Value("@errors", result.Errors)
                .Value("@passed", result.Passed)
                .Value("@comparison_strategy", result.ComparisonStrategy)
                .Json("@details", result.DetailsJson)
                .Timestamp("@tested_at", timeProvider.GetUtcNow()),
            row => new ShadowTestResult(
                row.Int64(0),
                row.String(1),
                row.Int32(2),
                row.Int32(3),
                row.NullableInt64(4),
                row.Int32(5),
                row.Int32(6),
                row.Int32(7),
                row.Boolean(8),
                row.String(9),
                row.String(10),
                row.Timestamp(11)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ReplayTestResult> RecordReplayAsync(NewReplayTestResult result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(result.ToolName);
        return database.WriteAsync(
            $"Recording a replay test of '{result.ToolName}'",
            $"""
            INSERT INTO replay_test_results (tool_name, baseline_version, new_version, improvement_attempt_id, total_replays, successes,
                                             regressions, improvements, passed, details, tested_at)
            VALUES (@tool_name, @baseline_version, @new_version, @improvement_attempt_id, @total_replays, @successes,
                    @regressions, @improvements, @passed, @details, @tested_at)
            RETURNING {ReplayColumns}
            """,
            statement => statement
                .Value("@tool_name", result.ToolName)
                .Value("@baseline_version", result.BaselineVersion)
                .Value("@new_version", result.NewVersion)
                .Value("@improvement_attempt_id", result.ImprovementAttemptId)
                .Value("@total_replays", result.TotalReplays)
                .Value("@successes", result.Successes)
                .Value("@regressions", result.Regressions)
                .Value("@improvements", result.Improvements)
                .Value("@passed", result.Passed)
                .Json("@details", result.DetailsJson)
                .Timestamp("@tested_at", timeProvider.GetUtcNow()),
            row => new ReplayTestResult(
                row.Int64(0),
                row.String(1),
                row.Int32(2),
                row.Int32(3),
                row.NullableInt64(4),
                row.Int32(5),
                row.Int32(6),
                row.Int32(7),
                row.Int32(8),
                row.Boolean(9),
                row.String(10),
                row.Timestamp(11)),
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TestingSummaryRow>> ListSummaryAsync(string toolName, int limit, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"""
            SELECT {SummaryColumns} FROM testing_summary
            WHERE tool_name = @tool_name
            ORDER BY tested_at DESC, test_type, test_id DESC
            LIMIT @limit
            """,
            statement => statement.Value("@tool_name", toolName).Value("@limit", limit),
            row => new TestingSummaryRow(
                StoreValues.ParseTestKind(row.String(0)),
                row.Int64(1),
                row.String(2),
                row.Int32(3),
                row.Int32(4),
                row.NullableInt64(5),
                row.Int32(6),
                row.Int32(7),
                row.NullableDouble(8),
                row.NullableInt32(9),
                row.Boolean(10),
                row.Timestamp(11)),
            cancellationToken);
}
