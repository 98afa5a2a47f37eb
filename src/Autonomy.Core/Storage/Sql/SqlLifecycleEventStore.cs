namespace Autonomy.Core.Storage.Sql;

/// <summary><see cref="ILifecycleEventStore"/> in SQL both PostgreSQL and SQLite run.</summary>
public sealed class SqlLifecycleEventStore(SqlStoreDatabase database, TimeProvider timeProvider) : ILifecycleEventStore
{
    private const string CreationColumns = "id, tool_name, version, created_by, source_hash, reason, details, created_at";

    private const string EventColumns = "id, tool_name, event_type, from_status, to_status, version, details, occurred_at";

    private const string SummaryColumns =
        "tool_name, created_at, created_by, current_status, event_count, last_event_type, last_event_at";

    /// <inheritdoc />
    public Task<ToolCreationEvent> RecordCreationAsync(NewToolCreationEvent creation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(creation);
        ArgumentException.ThrowIfNullOrWhiteSpace(creation.ToolName);
        return database.WriteAsync(
            $"Recording the creation of '{creation.ToolName}'",
            $"""
            INSERT INTO tool_creation_events (tool_name, version, created_by, source_hash, reason, details, created_at)
            VALUES (@tool_name, @version, @created_by, @source_hash, @reason, @details, @created_at)
            RETURNING {CreationColumns}
            """,
            statement => statement
                .Value("@tool_name", creation.ToolName)
                .Value("@version", creation.Version)
                .Value("@created_by", StoreValues.Of(creation.CreatedBy))
                .Value("@source_hash", creation.SourceHash)
                .Value("@reason", creation.Reason)
                .Json("@details", creation.DetailsJson)
                .Timestamp("@created_at", timeProvider.GetUtcNow()),
            ReadCreation,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<LifecycleEvent> RecordEventAsync(NewLifecycleEvent lifecycleEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(lifecycleEvent);
        ArgumentException.ThrowIfNullOrWhiteSpace(lifecycleEvent.ToolName);
        ArgumentException.ThrowIfNullOrWhiteSpace(lifecycleEvent.EventType);
        return database.WriteAsync(
            $"Recording a lifecycle event of '{lifecycleEvent.ToolName}'",
            $"""
            INSERT INTO tool_lifecycle_events (tool_name, event_type, from_status, to_status, version, details, occurred_at)
            VALUES (@tool_name, @event_type, @from_status, @to_status, @version, @details, @occurred_at)
            RETURNING {EventColumns}
            """,
            statement => statement
                .Value("@tool_name", lifecycleEvent.ToolName)
                .Value("@event_type", lifecycleEvent.EventType)
                .Value("@from_status", lifecycleEvent.FromStatus is { } from ? StoreValues.Of(from) : null)
                .Value("@to_status", lifecycleEvent.ToStatus is { } to ? StoreValues.Of(to) : null)
                .Value("@version", lifecycleEvent.Version)
                .Json("@details", lifecycleEvent.DetailsJson)
                .Timestamp("@occurred_at", timeProvider.GetUtcNow()),
            ReadEvent,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolCreationEvent>> ListCreationsAsync(string toolName, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"SELECT {CreationColumns} FROM tool_creation_events WHERE tool_name = @tool_name ORDER BY created_at, id",
            statement => statement.Value("@tool_name", toolName),
            ReadCreation,
            cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListToolsCreatedForAsync(string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);

        // Sorted here, not in SQL: PostgreSQL orders text by the database's collation, SQLite by bytes.
        var tools = await database.ListAsync(
            "SELECT DISTINCT tool_name FROM tool_creation_events WHERE reason = @reason",
            statement => statement.Value("@reason", reason),
            static row => row.String(0),
            cancellationToken).ConfigureAwait(false);
        return [.. tools.Order(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<LifecycleEvent>> ListEventsAsync(string toolName, int limit, CancellationToken cancellationToken = default) =>
        database.ListAsync(
            $"SELECT {EventColumns} FROM tool_lifecycle_events WHERE tool_name = @tool_name ORDER BY occurred_at DESC, id DESC LIMIT @limit",
            statement => statement.Value("@tool_name", toolName).Value("@limit", limit),
            ReadEvent,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<LifecycleEvent>> ListEventsAfterAsync(long afterId, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return database.ListAsync(
            $"SELECT {EventColumns} FROM tool_lifecycle_events WHERE id > @after_id ORDER BY id LIMIT @limit",
            statement => statement.Value("@after_id", afterId).Value("@limit", limit),
            ReadEvent,
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<ToolLifecycleSummary?> GetSummaryAsync(string toolName, CancellationToken cancellationToken = default) =>
        database.FirstOrDefaultAsync(
            $"SELECT {SummaryColumns} FROM tool_lifecycle_summary WHERE tool_name = @tool_name",
            statement => statement.Value("@tool_name", toolName),
            ReadSummary,
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ToolLifecycleSummary>> ListSummariesAsync(CancellationToken cancellationToken = default) =>
        database.ListAsync($"SELECT {SummaryColumns} FROM tool_lifecycle_summary ORDER BY tool_name", _ => { }, ReadSummary, cancellationToken);

    private static ToolCreationEvent ReadCreation(SqlRow row) => new(
        row.Int64(0),
        row.String(1),
        row.NullableInt32(2),
        StoreValues.ParseAuthor(row.String(3)),
        row.NullableString(4),
        row.String(5),
        row.String(6),
        row.Timestamp(7));

    private static LifecycleEvent ReadEvent(SqlRow row) => new(
        row.Int64(0),
        row.String(1),
        row.String(2),
        row.NullableString(3) is { } from ? StoreValues.ParseToolStatus(from) : null,
        row.NullableString(4) is { } to ? StoreValues.ParseToolStatus(to) : null,
        row.NullableInt32(5),
        row.String(6),
        row.Timestamp(7));

    private static ToolLifecycleSummary ReadSummary(SqlRow row) => new(
        row.String(0),
        row.NullableTimestamp(1),
        row.NullableString(2) is { } createdBy ? StoreValues.ParseAuthor(createdBy) : null,
        row.NullableString(3) is { } status ? StoreValues.ParseToolStatus(status) : null,
        row.Int64(4),
        row.NullableString(5),
        row.NullableTimestamp(6));
}
