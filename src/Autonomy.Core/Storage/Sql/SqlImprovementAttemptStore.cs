namespace Autonomy.Core.Storage.Sql;

/// <summary><see cref="IImprovementAttemptStore"/> in SQL both PostgreSQL and SQLite run.</summary>
public sealed class SqlImprovementAttemptStore(SqlStoreDatabase database, TimeProvider timeProvider) : IImprovementAttemptStore
{
    private const string Columns =
        "id, tool_name, base_version, investigation_report_id, status, candidate_version, error, details, started_at, completed_at, approval_requested_at";

    /// <inheritdoc />
    public Task<ImprovementAttempt> StartAsync(NewImprovementAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentException.ThrowIfNullOrWhiteSpace(attempt.ToolName);
        return database.WriteAsync(
            $"Starting an improvement attempt on '{attempt.ToolName}'",
            $"""
            INSERT INTO improvement_attempts (tool_name, base_version, investigation_report_id, status, details, started_at)
            VALUES (@tool_name, @base_version, @investigation_report_id, @status, @details, @started_at)
            RETURNING {Columns}
            """,
            statement => statement
                .Value("@tool_name", attempt.ToolName)
                .Value("@base_version", attempt.BaseVersion)
                .Value("@investigation_report_id", attempt.InvestigationReportId)
                .Value("@status", StoreValues.Of(ImprovementStatus.InProgress))
                .Json("@details", attempt.DetailsJson)
                .Timestamp("@started_at", timeProvider.GetUtcNow()),
            Read,
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ImprovementAttempt> CompleteAsync(
        long attemptId, ImprovementStatus status, int? candidateVersion, string? error, string? detailsJson = null, CancellationToken cancellationToken = default)
    {
        if (status is ImprovementStatus.InProgress or ImprovementStatus.AwaitingApproval)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "An attempt completes as deployed, rejected or failed.");
        }

        // Only an attempt still in progress matches, so an attempt ends exactly once.
        var completed = await database.FirstOrDefaultAsync(
            $"""
            UPDATE improvement_attempts
            SET status = @status, candidate_version = @candidate_version, error = @error, completed_at = @completed_at,
                details = COALESCE(@details, details)
            WHERE id = @id AND status = @in_progress
            RETURNING {Columns}
            """,
            statement => statement
                .Value("@id", attemptId)
                .Value("@status", StoreValues.Of(status))
                .Value("@candidate_version", candidateVersion)
                .Value("@error", error)
                .Json("@details", detailsJson)
                .Timestamp("@completed_at", timeProvider.GetUtcNow())
                .Value("@in_progress", StoreValues.Of(ImprovementStatus.InProgress)),
            Read,
            cancellationToken).ConfigureAwait(false);

        return completed ?? throw new InvalidOperationException(
            await GetAsync(attemptId, cancellationToken).ConfigureAwait(false) is { } existing
                ? $"Improvement attempt {attemptId} has already ended as {existing.Status}."
                : $"Improvement attempt {attemptId} does not exist.");
    }

    /// <inheritdoc />
    public async Task<ImprovementAttempt> RequestApprovalAsync(
        long attemptId, int candidateVersion, string reason, string? detailsJson = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);

        // Only an attempt in progress that does not wait yet matches, so it asks once.
        var waiting = await database.FirstOrDefaultAsync(
            $"""
            UPDATE improvement_attempts
            SET candidate_version = @candidate_version, error = @reason, approval_requested_at = @requested_at,
                details = COALESCE(@details, details)
            WHERE id = @id AND status = @in_progress AND approval_requested_at IS NULL
            RETURNING {Columns}
            """,
            statement => statement
                .Value("@id", attemptId)
                .Value("@candidate_version", candidateVersion)
                .Value("@reason", reason)
                .Json("@details", detailsJson)
                .Timestamp("@requested_at", timeProvider.GetUtcNow())
                .Value("@in_progress", StoreValues.Of(ImprovementStatus.InProgress)),
            Read,
            cancellationToken).ConfigureAwait(false);

        return waiting ?? throw new InvalidOperationException(
            await GetAsync(attemptId, cancellationToken).ConfigureAwait(false) is { } existing
                ? $"Improvement attempt {attemptId} is {existing.Status}, not in progress; it cannot wait for approval."
                : $"Improvement attempt {attemptId} does not exist.");
    }

    public async Task<ImprovementAttempt> RecordDetailsAsync(long attemptId, string detailsJson, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detailsJson);
        var updated = await database.FirstOrDefaultAsync(
            $"""
            UPDATE improvement_attempts SET details = @details
            WHERE id = @id AND status = @in_progress
            RETURNING {Columns}
            """,
            statement => statement
                .Value("@id", attemptId)
                .Json("@details", detailsJson)
                .Value("@in_progress", StoreValues.Of(ImprovementStatus.InProgress)),
            Read,
            cancellationToken).ConfigureAwait(false);
        return updated ?? throw new InvalidOperationException($"Improvement attempt {attemptId} does not exist or has ended.");
    }

    public Task<IReadOnlyList<ImprovementAttempt>> ListAwaitingApprovalAsync(int limit, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"""
            SELECT {Columns} FROM improvement_attempts
            WHERE status = @in_progress AND approval_requested_at IS NOT NULL
            ORDER BY approval_requested_at, id LIMIT @limit
            """,
            statement => statement.Value("@in_progress", StoreValues.Of(ImprovementStatus.InProgress)).Value("@limit", limit),
            Read,
            cancellationToken);

    public Task<ImprovementAttempt?> GetAsync(long attemptId, CancellationToken cancellationToken = default) =>
        database.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM improvement_attempts WHERE id = @id",
            statement => statement.Value("@id", attemptId),
            Read,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ImprovementAttempt>> ListAsync(string toolName, int limit, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"SELECT {Columns} FROM improvement_attempts WHERE tool_name = @tool_name ORDER BY started_at DESC, id DESC LIMIT @limit",
            statement => statement.Value("@tool_name", toolName).Value("@limit", limit),
            Read,
            cancellationToken);

    private static ImprovementAttempt Read(SqlRow row)
    {
        var requested = row.NullableTimestamp(10);
        var status = StoreValues.ParseImprovementStatus(row.String(4));
        return new(
        row.Int64(0),
        row.String(1),
        row.Int32(2),
        row.NullableInt64(3),
        status == ImprovementStatus.InProgress && requested is not null ? ImprovementStatus.AwaitingApproval : status,
        row.NullableInt32(5),
        row.NullableString(6),
        row.String(7),
        row.Timestamp(8),
        row.NullableTimestamp(9),
        requested);
    }
}
