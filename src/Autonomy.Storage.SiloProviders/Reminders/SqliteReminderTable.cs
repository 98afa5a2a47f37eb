using Autonomy.Storage.SiloProviders.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Autonomy.Storage.SiloProviders.Reminders;

/// <summary>
/// The Orleans reminder table in one SQLite file (table <c>orleans_reminders</c>), for the embedded silo.
/// </summary>
/// <remarks>
/// Rows are keyed by service id, grain id and reminder name. An upsert always wins and returns a fresh ETag;
/// a removal succeeds only with the row's current ETag. Ring ranges are read by the stored uniform hash of the
/// grain id, with the range (begin, end] wrapping around zero when begin ≥ end.
/// </remarks>
public sealed class SqliteReminderTable : IReminderTable
{
    private const string Columns = "grain_id, reminder_name, start_time, period_ms, etag";
    private const string RowFilter = "service_id = $service_id AND grain_id = $grain_id AND reminder_name = $reminder_name";

    private readonly string _serviceId;
    private readonly SqliteSiloDatabase _database;
    private readonly ILogger _logger;

    /// <summary>Creates the table; the reminder service calls <see cref="StartAsync"/> before any other member.</summary>
    public SqliteReminderTable(
        IOptions<ClusterOptions> clusterOptions,
        IOptions<SqliteReminderTableOptions> options,
        ILogger<SqliteReminderTable> logger)
    {
        ArgumentNullException.ThrowIfNull(clusterOptions);
        ArgumentNullException.ThrowIfNull(options);
        _serviceId = clusterOptions.Value.ServiceId;
        _database = new SqliteSiloDatabase(options.Value.DatabasePath, options.Value.BusyTimeoutMilliseconds);
        _logger = logger;
    }

    /// <inheritdoc />
    public Task Init() => StartAsync(CancellationToken.None);

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        await _database.MigrateAsync(_logger, cancellationToken);
        Log.ReminderTableReady(_logger, _database.DatabasePath, _serviceId);
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = ServiceCommand(
            connection,
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service_id AND grain_id = $grain_id ORDER BY reminder_name");
        command.Parameters.AddWithValue("$grain_id", grainId.ToString());
        return new ReminderTableData(await ReadEntriesAsync(command, cancellationToken));
    }

    /// <inheritdoc />
    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        // (begin, end] on the ring; when begin >= end the range wraps past uint.MaxValue to zero, and begin == end
        // is the whole ring (a single silo owns everything).
        var hashFilter = begin < end
            ? "grain_hash > $begin AND grain_hash <= $end"
            : "(grain_hash > $begin OR grain_hash <= $end)";
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = ServiceCommand(
            connection,
            $"SELECT {Columns} FROM orleans_reminders WHERE service_id = $service_id AND {hashFilter} ORDER BY grain_hash, grain_id, reminder_name");
        command.Parameters.AddWithValue("$begin", (long)begin);
        command.Parameters.AddWithValue("$end", (long)end);
        return new ReminderTableData(await ReadEntriesAsync(command, cancellationToken));
    }

    /// <inheritdoc />
    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    /// <inheritdoc />
    /// <returns>The entry, or null when the grain has no reminder of that name.</returns>
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = RowCommand(connection, $"SELECT {Columns} FROM orleans_reminders WHERE {RowFilter}", grainId, reminderName);
        var entries = await ReadEntriesAsync(command, cancellationToken);
        return entries.Count == 0 ? null : entries[0];
    }

    /// <inheritdoc />
    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var eTag = SqliteSiloDatabase.NewETag();
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = RowCommand(
            connection,
            """
            INSERT INTO orleans_reminders (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, etag)
            VALUES ($service_id, $grain_id, $reminder_name, $start_time, $period_ms, $grain_hash, $etag)
            ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET
                start_time = excluded.start_time,
                period_ms = excluded.period_ms,
                grain_hash = excluded.grain_hash,
                etag = excluded.etag
            """,
            entry.GrainId,
            entry.ReminderName);
        command.Parameters.AddWithValue("$start_time", new DateTimeOffset(AsUtc(entry.StartAt)).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$period_ms", entry.Period.Ticks / TimeSpan.TicksPerMillisecond);
        command.Parameters.AddWithValue("$grain_hash", (long)entry.GrainId.GetUniformHashCode());
        command.Parameters.AddWithValue("$etag", eTag);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return eTag;
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    /// <inheritdoc />
    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = RowCommand(connection, $"DELETE FROM orleans_reminders WHERE {RowFilter} AND etag = $etag", grainId, reminderName);
        command.Parameters.AddWithValue("$etag", eTag ?? "");
        var removed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
        if (!removed)
        {
            Log.ReminderRemoveMissed(_logger, reminderName, grainId.ToString(), eTag ?? "");
        }

        return removed;
    }

    /// <inheritdoc />
    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    /// <inheritdoc />
    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = ServiceCommand(connection, "DELETE FROM orleans_reminders WHERE service_id = $service_id");
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DateTime AsUtc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),

        // The reminder service computes start times from TimeProvider.GetUtcNow().UtcDateTime; an unspecified kind
        // from elsewhere is taken as UTC rather than shifted by the machine's zone.
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };

    private static async Task<List<ReminderEntry>> ReadEntriesAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)).UtcDateTime,
                Period = TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                ETag = reader.GetString(4),
            });
        }

        return entries;
    }

    private SqliteCommand ServiceCommand(SqliteConnection connection, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service_id", _serviceId);
        return command;
    }

    private SqliteCommand RowCommand(SqliteConnection connection, string sql, GrainId grainId, string reminderName)
    {
        var command = ServiceCommand(connection, sql);
        command.Parameters.AddWithValue("$grain_id", grainId.ToString());
        command.Parameters.AddWithValue("$reminder_name", reminderName);
        return command;
    }
}
