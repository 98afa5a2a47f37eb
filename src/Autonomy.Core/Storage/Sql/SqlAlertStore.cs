namespace Autonomy.Core.Storage.Sql;

/// <summary><see cref="IAlertStore"/> in SQL both PostgreSQL and SQLite run.</summary>
public sealed class SqlAlertStore(SqlStoreDatabase database, TimeProvider timeProvider) : IAlertStore
{
    private const string Columns =
        "id, tool_name, kind, message, details, created_at, acknowledged_at, acknowledged_by, resolved_at, resolution";

    /// <summary>Attempts at raising when the open alert is resolved between the insert and the read.</summary>
    private const int RaiseAttempts = 3;

    /// <inheritdoc />
    public async Task<RaisedAlert> RaiseAsync(NewToolAlert alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        ArgumentException.ThrowIfNullOrWhiteSpace(alert.ToolName);
        ArgumentException.ThrowIfNullOrWhiteSpace(alert.Kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(alert.Message);
        for (var attempt = 1; ; attempt++)
        {
            // The unique index on open alerts makes the insert a no-op when one is open; both databases accept the
            // partial index's predicate as the conflict target.
            var created = await database.FirstOrDefaultAsync(
                $"""
                INSERT INTO tool_alerts (tool_name, kind, message, details, created_at)
                VALUES (@tool_name, @kind, @message, @details, @created_at)
                ON CONFLICT (tool_name, kind) WHERE resolved_at IS NULL DO NOTHING
                RETURNING {Columns}
                """,
                statement => statement
                    .Value("@tool_name", alert.ToolName)
                    .Value("@kind", alert.Kind)
                    .Value("@message", alert.Message)
                    .Json("@details", alert.DetailsJson)
                    .Timestamp("@created_at", timeProvider.GetUtcNow()),
                Read,
                cancellationToken).ConfigureAwait(false);
            if (created is not null)
            {
                return new RaisedAlert(created, true);
            }

            if (await GetOpenAsync(alert.ToolName, alert.Kind, cancellationToken).ConfigureAwait(false) is { } open)
            {
                return new RaisedAlert(open, false);
            }

            if (attempt == RaiseAttempts)
            {
                throw new InvalidOperationException(
                    $"Could not raise the {alert.Kind} alert of '{alert.ToolName}': its open alert kept changing.");
            }
        }
    }

    /// <inheritdoc />
    public Task<ToolAlert?> GetAsync(long alertId, CancellationToken cancellationToken = default) =>
        database.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM tool_alerts WHERE id = @id",
            statement => statement.Value("@id", alertId),
            Read,
            cancellationToken);

    /// <inheritdoc />
    public Task<ToolAlert?> GetOpenAsync(string toolName, string kind, CancellationToken cancellationToken = default) =>
        database.FirstOrDefaultAsync(
            $"SELECT {Columns} FROM tool_alerts WHERE tool_name = @tool_name AND kind = @kind AND resolved_at IS NULL",
            statement => statement.Value("@tool_name", toolName).Value("@kind", kind),
            Read,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolAlert>> ListAsync(bool includeAcknowledged, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.ListAsync(
            includeAcknowledged
                ? $"SELECT {Columns} FROM tool_alerts ORDER BY created_at DESC, id DESC LIMIT @limit"
                : $"""
                  SELECT {Columns} FROM tool_alerts
                  WHERE acknowledged_at IS NULL AND resolved_at IS NULL
                  ORDER BY created_at DESC, id DESC LIMIT @limit
                  """,
            statement => statement.Value("@limit", limit),
            Read,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolAlert>> ListOpenAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.ListAsync(
            $"SELECT {Columns} FROM tool_alerts WHERE resolved_at IS NULL ORDER BY created_at, id LIMIT @limit",
            statement => statement.Value("@limit", limit),
            Read,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ToolAlert?> AcknowledgeAsync(long alertId, string acknowledgedBy, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(acknowledgedBy);

        // Only an alert not yet acknowledged matches, so an alert is acknowledged once.
        return UpdateAsync(
            alertId,
            "acknowledged_at = @at, acknowledged_by = @by",
            "acknowledged_at",
            statement => statement.Value("@by", acknowledgedBy),
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ToolAlert> ResolveAsync(long alertId, string resolution, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(resolution);
        var resolved = await UpdateAsync(
            alertId,
            "resolved_at = @at, resolution = @resolution",
            "resolved_at",
            statement => statement.Value("@resolution", resolution),
            cancellationToken).ConfigureAwait(false);
        return resolved ?? throw new InvalidOperationException(
            await GetAsync(alertId, cancellationToken).ConfigureAwait(false) is { Resolution: { } how }
                ? $"Alert {alertId} is already resolved: {how}."
                : $"Alert {alertId} does not exist.");
    }

    /// <summary>
    /// Sets <paramref name="assignments"/> (with <c>@at</c> bound to now) on the alert while its
    /// <paramref name="unsetColumn"/> is null, and returns the updated alert, or null when none matched: the alert does
    /// not exist, or the column is already set.
    /// </summary>
    private Task<ToolAlert?> UpdateAsync(
        long alertId, string assignments, string unsetColumn, Action<SqlStatement> bind, CancellationToken cancellationToken) =>
        database.FirstOrDefaultAsync(
            $"""
            UPDATE tool_alerts SET {assignments}
            WHERE id = @id AND {unsetColumn} IS NULL
            RETURNING {Columns}
            """,
            statement => bind(statement.Value("@id", alertId).Timestamp("@at", timeProvider.GetUtcNow())),
            Read,
            cancellationToken);

    private static ToolAlert Read(SqlRow row) => new(
        row.Int64(0),
        row.String(1),
        row.String(2),
        row.String(3),
        row.String(4),
        row.Timestamp(5),
        row.NullableTimestamp(6),
        row.NullableString(7),
        row.NullableTimestamp(8),
        row.NullableString(9));
}
