namespace Autonomy.Core.Storage.Sql;

/// <summary><see cref="IDeploymentMonitoringStore"/> in SQL both PostgreSQL and SQLite run.</summary>
public sealed class SqlDeploymentMonitoringStore(SqlStoreDatabase database, TimeProvider timeProvider) : IDeploymentMonitoringStore
{
    private const string SessionColumns =
        "id, tool_name, version, baseline_version, baseline_success_rate, status, regression_detected, started_at, ends_at, " +
        "ended_at, end_reason";

    private const string CheckColumns = "id, monitoring_id, executions, success_rate, regression, details, checked_at";

    private const string RollbackColumns = "id, tool_name, monitoring_id, from_version, to_version, reason, automatic, rollback_time";

    private const string ActiveColumns =
        "monitoring_id, tool_name, version, baseline_version, baseline_success_rate, regression_detected, started_at, ends_at, " +
        "health_checks, last_checked_at, last_success_rate, last_executions";

    private const string StabilityColumns =
        "tool_name, deployments, completed, rolled_back, regressions, rollbacks, rollback_rate, last_deployed_at, last_rollback_time";

    private static readonly string Active = StoreValues.Of(MonitoringStatus.Active);

    /// <inheritdoc />
    public Task<MonitoringSession> StartAsync(NewMonitoringSession session, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrWhiteSpace(session.ToolName);
        ArgumentOutOfRangeException.ThrowIfLessThan(session.Window, TimeSpan.Zero);
        var now = StoreTime.Now(timeProvider);
        return database.WriteAsync(
            $"Starting to monitor '{session.ToolName}'",
            $"""
            INSERT INTO deployment_monitoring (tool_name, version, baseline_version, baseline_success_rate, status, started_at, ends_at)
            VALUES (@tool_name, @version, @baseline_version, @baseline_success_rate, @status, @started_at, @ends_at)
            RETURNING {SessionColumns}
            """,
            statement => statement
                .Value("@tool_name", session.ToolName)
                .Value("@version", session.Version)
                .Value("@baseline_version", session.BaselineVersion)
                .Value("@baseline_success_rate", session.BaselineSuccessRate)
                .Value("@status", Active)
                .Timestamp("@started_at", now)
                .Timestamp("@ends_at", now + session.Window),
            ReadSession,
            cancellationToken,
            (kind, exception) => kind == StoreErrorKind.UniqueViolation
                ? new StoreConflictException($"Tool '{session.ToolName}' already has an active monitoring session.", exception)
                : null);
    }

    /// <inheritdoc />
    public Task<HealthCheck> RecordHealthCheckAsync(NewHealthCheck check, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(check);
        return database.RunInTransactionAsync(
            $"Recording a health check of monitoring session {check.MonitoringId}",
            async (connection, transaction) =>
            {
                await using (var mark = new SqlStatement(
                        database,
                        connection,
                        """
                        UPDATE deployment_monitoring SET regression_detected = (regression_detected OR @regression)
                        WHERE id = @id AND status = @active
                        """,
                        transaction)
                    .Value("@regression", check.Regression)
                    .Value("@id", check.MonitoringId)
                    .Value("@active", Active))
                {
                    if (await mark.ExecuteAsync(cancellationToken).ConfigureAwait(false) == 0)
                    {
                        throw new InvalidOperationException($"Monitoring session {check.MonitoringId} does not exist or has ended.");
                    }
                }

                await using var insert = new SqlStatement(
                        database,
                        connection,
                        $"""
                        INSERT INTO deployment_health_checks (monitoring_id, executions, success_rate, regression, details, checked_at)
                        VALUES (@monitoring_id, @executions, @success_rate, @regression, @details, @checked_at)
                        RETURNING {CheckColumns}
                        """,
                        transaction)
                    .Value("@monitoring_id", check.MonitoringId)
                    .Value("@executions", check.Executions)
                    .Value("@success_rate", check.SuccessRate)
                    .Value("@regression", check.Regression)
                    .Json("@details", check.DetailsJson)
                    .Timestamp("@checked_at", timeProvider.GetUtcNow());
                return await insert.SingleAsync(ReadCheck, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<MonitoringSession> EndAsync(
        long monitoringId, MonitoringStatus status, string reason, CancellationToken cancellationToken = default)
    {
        if (status == MonitoringStatus.Active)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A session ends as completed, rolled back or aborted.");
        }

        var ended = await database.FirstOrDefaultAsync(
            $"""
            UPDATE deployment_monitoring SET status = @status, ended_at = @ended_at, end_reason = @reason
            WHERE id = @id AND status = @active
            RETURNING {SessionColumns}
            """,
            statement => statement
                .Value("@status", StoreValues.Of(status))
                .Timestamp("@ended_at", timeProvider.GetUtcNow())
                .Value("@reason", reason)
                .Value("@id", monitoringId)
                .Value("@active", Active),
            ReadSession,
            cancellationToken).ConfigureAwait(false);

        return ended ?? throw new InvalidOperationException(
            await GetAsync(monitoringId, cancellationToken).ConfigureAwait(false) is { } existing
                ? $"Monitoring session {monitoringId} has already ended as {existing.Status}."
                : $"Monitoring session {monitoringId} does not exist.");
    }

    /// <inheritdoc />
    public Task<DeploymentRollback> RecordRollbackAsync(NewRollback rollback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rollback);
        ArgumentException.ThrowIfNullOrWhiteSpace(rollback.ToolName);
        var now = StoreTime.Now(timeProvider);
        return database.RunInTransactionAsync(
            $"Recording a rollback of '{rollback.ToolName}'",
            async (connection, transaction) =>
            {
                if (rollback.MonitoringId is { } monitoringId)
                {
                    await using var end = new SqlStatement(
                            database,
                            connection,
                            """
                            UPDATE deployment_monitoring SET status = @rolled_back, ended_at = @ended_at, end_reason = @reason
                            WHERE id = @id AND status = @active
                            """,
                            transaction)
                        .Value("@rolled_back", StoreValues.Of(MonitoringStatus.RolledBack))
                        .Timestamp("@ended_at", now)
                        .Value("@reason", rollback.Reason)
                        .Value("@id", monitoringId)
                        .Value("@active", Active);
                    await end.ExecuteAsync(cancellationToken).ConfigureAwait(false);
                }

                await using var insert = new SqlStatement(
                        database,
                        connection,
                        $"""
                        INSERT INTO deployment_rollbacks (tool_name, monitoring_id, from_version, to_version, reason, automatic, rollback_time)
                        VALUES (@tool_name, @monitoring_id, @from_version, @to_version, @reason, @automatic, @rollback_time)
                        RETURNING {RollbackColumns}
                        """,
                        transaction)
                    .Value("@tool_name", rollback.ToolName)
                    .Value("@monitoring_id", rollback.MonitoringId)
                    .Value("@from_version", rollback.FromVersion)
                    .Value("@to_version", rollback.ToVersion)
                    .Value("@reason", rollback.Reason)
                    .Value("@automatic", rollback.Automatic)
                    .Timestamp("@rollback_time", now);
                return await insert.SingleAsync(ReadRollback, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<MonitoringSession?> GetAsync(long monitoringId, CancellationToken cancellationToken = default) =>
        database.FirstOrDefaultAsync(
            $"SELECT {SessionColumns} FROM deployment_monitoring WHERE id = @id",
            statement => statement.Value("@id", monitoringId),
            ReadSession,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ActiveMonitoringRow>> ListActiveAsync(CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"SELECT {ActiveColumns} FROM active_monitoring ORDER BY started_at, monitoring_id",
            _ => { },
            row => new ActiveMonitoringRow(
                row.Int64(0),
                row.String(1),
                row.Int32(2),
                row.NullableInt32(3),
                row.NullableDouble(4),
                row.Boolean(5),
                row.Timestamp(6),
                row.Timestamp(7),
                row.Int64(8),
                row.NullableTimestamp(9),
                row.NullableDouble(10),
                row.NullableInt64(11)),
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<HealthCheck>> ListHealthChecksAsync(long monitoringId, int limit, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"SELECT {CheckColumns} FROM deployment_health_checks WHERE monitoring_id = @id ORDER BY checked_at DESC, id DESC LIMIT @limit",
            statement => statement.Value("@id", monitoringId).Value("@limit", limit),
            ReadCheck,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DeploymentRollback>> ListRollbacksAsync(string toolName, int limit, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"SELECT {RollbackColumns} FROM deployment_rollbacks WHERE tool_name = @tool_name ORDER BY rollback_time DESC, id DESC LIMIT @limit",
            statement => statement.Value("@tool_name", toolName).Value("@limit", limit),
            ReadRollback,
            cancellationToken);

    /// <inheritdoc />
    public Task<DeploymentStability?> GetStabilityAsync(string toolName, CancellationToken cancellationToken = default) =>
        database.FirstOrDefaultAsync(
            $"SELECT {StabilityColumns} FROM deployment_stability WHERE tool_name = @tool_name",
            statement => statement.Value("@tool_name", toolName),
            ReadStability,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<DeploymentStability>> ListStabilityAsync(int limit, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"SELECT {StabilityColumns} FROM deployment_stability ORDER BY rollback_rate DESC, tool_name LIMIT @limit",
            statement => statement.Value("@limit", limit),
            ReadStability,
            cancellationToken);

    private static MonitoringSession ReadSession(SqlRow row) => new(
        row.Int64(0),
        row.String(1),
        row.Int32(2),
        row.NullableInt32(3),
        row.NullableDouble(4),
        StoreValues.ParseMonitoringStatus(row.String(5)),
        row.Boolean(6),
        row.Timestamp(7),
        row.Timestamp(8),
        row.NullableTimestamp(9),
        row.NullableString(10));

    private static HealthCheck ReadCheck(SqlRow row) => new(
        row.Int64(0),
        row.Int64(1),
        row.Int64(2),
        row.NullableDouble(3),
        row.Boolean(4),
        row.String(5),
        row.Timestamp(6));

    private static DeploymentRollback ReadRollback(SqlRow row) => new(
        row.Int64(0),
        row.String(1),
        row.NullableInt64(2),
        row.Int32(3),
        row.Int32(4),
        row.String(5),
        row.Boolean(6),
        row.Timestamp(7));

    private static DeploymentStability ReadStability(SqlRow row) => new(
        row.String(0),
        row.Int64(1),
        row.Int64(2),
        row.Int64(3),
        row.Int64(4),
        row.Int64(5),
        row.Double(6),
        row.NullableTimestamp(7),
        row.NullableTimestamp(8));
}
