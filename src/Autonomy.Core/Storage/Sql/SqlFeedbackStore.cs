namespace Autonomy.Core.Storage.Sql;

/// <summary><see cref="IFeedbackStore"/> in SQL both PostgreSQL and SQLite run.</summary>
public sealed class SqlFeedbackStore(SqlStoreDatabase database, TimeProvider timeProvider) : IFeedbackStore
{
    private const string Columns = "id, execution_id, tool_name, version, correct, expected_output, comment, created_at";

    /// <inheritdoc />
    public Task<ToolFeedback> RecordAsync(NewToolFeedback feedback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(feedback);
        ArgumentException.ThrowIfNullOrWhiteSpace(feedback.ToolName);
        return database.WriteAsync(
            $"Recording feedback on execution {feedback.ExecutionId}",
            $"""
            INSERT INTO execution_feedback (execution_id, tool_name, version, correct, expected_output, comment, created_at)
            VALUES (@execution_id, @tool_name, @version, @correct, @expected_output, @comment, @created_at)
            RETURNING {Columns}
            """,
            statement => statement
                .Guid("@execution_id", feedback.ExecutionId)
                .Value("@tool_name", feedback.ToolName)
                .Value("@version", feedback.Version)
                .Value("@correct", feedback.Correct)
                .Json("@expected_output", feedback.ExpectedOutput)
                .Value("@comment", feedback.Comment)
                .Timestamp("@created_at", timeProvider.GetUtcNow()),
            Read,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolFeedback>> ListAsync(
        string toolName, int? version, int limit, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"""
            SELECT {Columns} FROM execution_feedback
            WHERE tool_name = @tool_name AND (@version IS NULL OR version = @version)
            ORDER BY created_at DESC, id DESC
            LIMIT @limit
            """,
            statement => statement.Value("@tool_name", toolName).Value("@version", version).Value("@limit", limit),
            Read,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolFeedback>> ListWithExpectedOutputAsync(
        string toolName, int? version, int limit, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"""
            SELECT {Columns} FROM execution_feedback
            WHERE tool_name = @tool_name AND (@version IS NULL OR version = @version) AND expected_output IS NOT NULL
            ORDER BY created_at DESC, id DESC
            LIMIT @limit
            """,
            statement => statement.Value("@tool_name", toolName).Value("@version", version).Value("@limit", limit),
            Read,
            cancellationToken);

    private static ToolFeedback Read(SqlRow row) => new(
        row.Int64(0),
        row.Guid(1),
        row.String(2),
        row.Int32(3),
        row.Boolean(4),
        row.NullableString(5),
        row.NullableString(6),
        row.Timestamp(7));
}
