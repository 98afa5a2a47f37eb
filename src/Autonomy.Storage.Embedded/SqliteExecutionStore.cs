using Autonomy.Abstractions.Execution;
using Autonomy.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Autonomy.Storage.Embedded;

/// <summary>Reads the execution log and its rollups from the embedded SQLite file.</summary>
public sealed class SqliteExecutionStore : IExecutionStore
{
    /// <summary>
    /// The outcomes that count against a tool, in the terms of the partial index ix_tool_executions_tool_failures
    /// (schema/sqlite/0008): SQLite uses a partial index only for a query that repeats its terms.
    /// </summary>
    internal const string FailureOutcomes = "outcome <> 0 AND outcome <> 4";

    private const string SelectRecord =
        """
        SELECT execution_id, tool_name, tool_version, started_at, duration_us, outcome, input, output, input_truncated,
               output_truncated, message, error_type, error_line, error_member, budget, steps, allocated_bytes, log_lines,
               dropped_log_lines, caller, silo, recorded_at
        FROM tool_executions
        """;

    /// <summary>
    /// The per-tool sums of a scan, as <c>SELECT … FROM (…)</c> with columns tool_name, s, te, tt, be, ii, io.
    /// Whole UTC days from the daily rollups, the partial-day edges from the hourly ones: the same rows as summing
    /// every hourly row of the window (see <see cref="ExecutionRollupAggregator.ScanRanges"/>).
    /// </summary>
    private const string ScanSql =
        """
        SELECT tool_name, s, te, tt, be, ii, io
        FROM (
            SELECT tool_name,
                   sum(s) AS s, sum(te) AS te, sum(tt) AS tt, sum(be) AS be, sum(ii) AS ii, sum(io) AS io
            FROM (
                SELECT tool_name, success_count AS s, tool_error_count AS te, timeout_count AS tt,
                       budget_exceeded_count AS be, invalid_input_count AS ii, invalid_output_count AS io
                FROM tool_execution_daily_rollups
                WHERE day_start >= $day_from AND day_start < $day_to
                UNION ALL
                SELECT tool_name, success_count, tool_error_count, timeout_count,
                       budget_exceeded_count, invalid_input_count, invalid_output_count
                FROM tool_execution_rollups
                WHERE bucket_start >= $head_from AND bucket_start < $head_to
                UNION ALL
                SELECT tool_name, success_count, tool_error_count, timeout_count,
                       budget_exceeded_count, invalid_input_count, invalid_output_count
                FROM tool_execution_rollups
                WHERE bucket_start >= $tail_from AND bucket_start < $tail_to
            )
            GROUP BY tool_name
        )
        """;

    private readonly SqliteConnectionFactory _connections;

    /// <summary>Creates a store on the embedded file.</summary>
    public SqliteExecutionStore(SqliteConnectionFactory connections)
    {
        ArgumentNullException.ThrowIfNull(connections);
        _connections = connections;
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ExecutionRecord>> ReadRecentAsync(
        string toolName, int? toolVersion, int limit, DateTimeOffset? before = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadRecordsAsync(
            $"""
            {SelectRecord}
            WHERE tool_name = $tool AND ($version IS NULL OR tool_version = $version) AND ($before IS NULL OR started_at < $before)
            ORDER BY started_at DESC, execution_id DESC
            LIMIT $limit
            """,
            command =>
            {
                command.Parameters.AddWithValue("$tool", toolName);
                command.Parameters.AddWithValue("$version", (object?)toolVersion ?? DBNull.Value);
                command.Parameters.AddWithValue("$before", (object?)before?.ToUnixTimeMilliseconds() ?? DBNull.Value);
                command.Parameters.AddWithValue("$limit", limit);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ExecutionRecord>> ReadFailuresAsync(
        string toolName, DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return ReadRecordsAsync(
            $"""
            {SelectRecord}
            WHERE tool_name = $tool AND {FailureOutcomes} AND started_at >= $since
            ORDER BY started_at DESC, execution_id DESC
            LIMIT $limit
            """,
            command =>
            {
                command.Parameters.AddWithValue("$tool", toolName);
                command.Parameters.AddWithValue("$since", since.ToUnixTimeMilliseconds());
                command.Parameters.AddWithValue("$limit", limit);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ExecutionRecord>> ReadByIdsAsync(
        IReadOnlyCollection<Guid> executionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionIds);
        var records = new List<ExecutionRecord>(executionIds.Count);
        foreach (var chunk in executionIds.Chunk(500))
        {
            var names = chunk.Select((_, i) => $"$id{i}").ToArray();
            records.AddRange(await ReadRecordsAsync(
                $"{SelectRecord} WHERE execution_id IN ({string.Join(", ", names)})",
                command =>
                {
                    for (var i = 0; i < chunk.Length; i++)
                    {
                        command.Parameters.AddWithValue(names[i], chunk[i].ToByteArray());
                    }
                },
                cancellationToken).ConfigureAwait(false));
        }

        return records;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ExecutionRollup>> ReadRollupsAsync(
        string toolName, int? toolVersion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            """
            SELECT tool_name, tool_version, bucket_start, success_count, tool_error_count, timeout_count, budget_exceeded_count,
                   invalid_input_count, invalid_output_count, duration_sum_us, duration_min_us, duration_max_us, latency_histogram
            FROM tool_execution_rollups
            WHERE tool_name = $tool AND ($version IS NULL OR tool_version = $version) AND bucket_start >= $from AND bucket_start < $to
            ORDER BY tool_version, bucket_start
            """;
        command.Parameters.AddWithValue("$tool", toolName);
        command.Parameters.AddWithValue("$version", (object?)toolVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("$from", ExecutionRollup.BucketOf(from).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$to", to.ToUnixTimeMilliseconds());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rollups = new List<ExecutionRollup>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rollups.Add(new ExecutionRollup(
                reader.GetString(0),
                reader.GetInt32(1),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetInt32(5),
                reader.GetInt32(6),
                reader.GetInt32(7),
                reader.GetInt32(8),
                reader.GetInt64(9),
                reader.GetInt64(10),
                reader.GetInt64(11),
                SqliteRollupHistogram.Parse(reader.GetString(12))));
        }

        return rollups;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ToolRollupSummary>> FindToolsBelowSuccessRateAsync(
        DateTimeOffset from, DateTimeOffset to, double successRateBelow, int minExecutions, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minExecutions);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            {ScanSql}
            WHERE s + te + tt + be + io >= $min AND s < $rate * (s + te + tt + be + io)
            ORDER BY CAST(s AS REAL) / (s + te + tt + be + io), tool_name
            LIMIT $limit
            """;
        BindScan(command, from, to, successRateBelow, minExecutions, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tools = new List<ToolRollupSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tools.Add(ReadSummary(reader));
        }

        return tools;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One statement over the same sums as <see cref="FindToolsBelowSuccessRateAsync"/>: the judged tools are
    /// materialised once, counted, and the worst below the threshold are joined to the count, so the count comes back
    /// even when no tool is below.
    /// </remarks>
    public async Task<ToolRollupScan> ScanToolsBelowSuccessRateAsync(
        DateTimeOffset from, DateTimeOffset to, double successRateBelow, int minExecutions, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minExecutions);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"""
            WITH judged AS MATERIALIZED (
            {ScanSql}
            WHERE s + te + tt + be + io >= $min
            )
            SELECT b.tool_name, b.s, b.te, b.tt, b.be, b.ii, b.io, c.judged
            FROM (SELECT count(*) AS judged FROM judged) AS c
            LEFT JOIN (
                SELECT tool_name, s, te, tt, be, ii, io
                FROM judged
                WHERE s < $rate * (s + te + tt + be + io)
                ORDER BY CAST(s AS REAL) / (s + te + tt + be + io), tool_name
                LIMIT $limit
            ) AS b ON 1
            ORDER BY CAST(b.s AS REAL) / (b.s + b.te + b.tt + b.be + b.io), b.tool_name
            """;
        BindScan(command, from, to, successRateBelow, minExecutions, limit);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var judged = 0L;
        var tools = new List<ToolRollupSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            judged = reader.GetInt64(7);

            // No tool below the threshold: the count alone, with a null row.
            if (!reader.IsDBNull(0))
            {
                tools.Add(ReadSummary(reader));
            }
        }

        return new ToolRollupScan(checked((int)judged), tools);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ToolUsage>> ReadToolUsageAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();

        // Per version: its total and last day. Per tool (window): the sums. The versions that ran on the tool's last
        // day find that day's hours through the hourly table's primary key (tool, version, hour).
        command.CommandText =
            """
            SELECT w.tool_name, w.tool_total, w.tool_last_day, max(r.bucket_start)
            FROM (
                SELECT tool_name, tool_version, last_day,
                       sum(total) OVER (PARTITION BY tool_name) AS tool_total,
                       max(last_day) OVER (PARTITION BY tool_name) AS tool_last_day
                FROM (
                    SELECT tool_name, tool_version, max(day_start) AS last_day,
                           sum(success_count + tool_error_count + timeout_count + budget_exceeded_count
                               + invalid_input_count + invalid_output_count) AS total
                    FROM tool_execution_daily_rollups
                    GROUP BY tool_name, tool_version
                )
            ) AS w
            LEFT JOIN tool_execution_rollups AS r
                ON r.tool_name = w.tool_name AND r.tool_version = w.tool_version
               AND r.bucket_start >= w.last_day AND r.bucket_start < w.last_day + $day
            WHERE w.last_day = w.tool_last_day
            GROUP BY w.tool_name, w.tool_total, w.tool_last_day
            """;
        command.Parameters.AddWithValue("$day", (long)TimeSpan.FromDays(1).TotalMilliseconds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var usage = new List<ToolUsage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var lastDay = DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2));

            // No hourly row for the day (none is ever deleted, but a day row can outlive them): its last hour.
            var lastHour = reader.IsDBNull(3) ? lastDay.AddDays(1) - ExecutionRollup.BucketWidth : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3));
            usage.Add(new ToolUsage(reader.GetString(0), reader.GetInt64(1), lastHour));
        }

        return [.. usage.OrderBy(u => u.ToolName, StringComparer.Ordinal)];
    }

    private static void BindScan(SqliteCommand command, DateTimeOffset from, DateTimeOffset to, double successRateBelow, int minExecutions, int limit)
    {
        var ranges = ExecutionRollupAggregator.ScanRanges(from, to);
        command.Parameters.AddWithValue("$day_from", ranges.DailyFrom.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$day_to", ranges.DailyTo.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$head_from", ranges.HeadFrom.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$head_to", ranges.HeadTo.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$tail_from", ranges.TailFrom.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$tail_to", ranges.TailTo.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$min", Math.Max(minExecutions, 1));
        command.Parameters.AddWithValue("$rate", successRateBelow);
        command.Parameters.AddWithValue("$limit", limit);
    }

    private static ToolRollupSummary ReadSummary(SqliteDataReader reader) => new(
        reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static ExecutionRecord ReadRecord(SqliteDataReader reader) => new(
        new Guid(reader.GetFieldValue<byte[]>(0)),
        reader.GetString(1),
        reader.GetInt32(2),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)),
        TimeSpan.FromMicroseconds(reader.GetInt64(4)),
        (ExecutionOutcome)reader.GetInt32(5),
        NullableString(reader, 6),
        NullableString(reader, 7),
        reader.GetInt64(8) != 0,
        reader.GetInt64(9) != 0,
        NullableString(reader, 10),
        NullableString(reader, 11),
        reader.IsDBNull(12) ? null : reader.GetInt32(12),
        NullableString(reader, 13),
        (ExceededBudget)reader.GetInt32(14),
        reader.GetInt64(15),
        reader.GetInt64(16),
        NullableString(reader, 17),
        reader.GetInt32(18),
        NullableString(reader, 19),
        NullableString(reader, 20),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(21)));

    private async Task<IReadOnlyList<ExecutionRecord>> ReadRecordsAsync(
        string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        await using var connection = await _connections.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        bind(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<ExecutionRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(ReadRecord(reader));
        }

        return records;
    }
}
