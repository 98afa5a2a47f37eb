using Autonomy.Abstractions.Execution;
using Autonomy.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Autonomy.Storage.Postgres;

/// <summary>Reads the execution log and its rollups from PostgreSQL.</summary>
public sealed class PostgresExecutionStore : IExecutionStore
{
    private const string SelectRecord = $"SELECT {PostgresExecutionCopy.Columns} FROM tool_executions";

    private const string RollupColumns =
        "r.tool_name, r.tool_version, r.bucket_start, r.success_count, r.tool_error_count, r.timeout_count, r.budget_exceeded_count, " +
        "r.invalid_input_count, r.invalid_output_count, r.duration_sum_us, r.duration_min_us, r.duration_max_us, l.latency_histogram";

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Creates a store on the process's data source.</summary>
    public PostgresExecutionStore(NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _dataSource = dataSource;
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
            WHERE tool_name = $1 AND ($2::integer IS NULL OR tool_version = $2) AND ($3::timestamptz IS NULL OR started_at < $3)
            ORDER BY started_at DESC, execution_id DESC
            LIMIT $4
            """,
            [
                Text(toolName),
                new NpgsqlParameter { Value = (object?)toolVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer },
                new NpgsqlParameter { Value = (object?)before?.UtcDateTime ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer },
            ],
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ExecutionRecord>> ReadFailuresAsync(
        string toolName, DateTimeOffset since, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);

        // The outcome list matches the partial index ix_tool_executions_tool_failures.
        return ReadRecordsAsync(
            $"""
            {SelectRecord}
            WHERE tool_name = $1 AND outcome IN (1, 2, 3, 5) AND started_at >= $2
            ORDER BY started_at DESC, execution_id DESC
            LIMIT $3
            """,
            [
                Text(toolName),
                new NpgsqlParameter { Value = since.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz },
                new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer },
            ],
            cancellationToken);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ExecutionRecord>> ReadByIdsAsync(
        IReadOnlyCollection<Guid> executionIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(executionIds);
        return ReadRecordsAsync(
            $"{SelectRecord} WHERE execution_id = ANY($1)",
            [new NpgsqlParameter { Value = executionIds.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid }],
            cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ExecutionRollup>> ReadRollupsAsync(
        string toolName, int? toolVersion, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(toolName);
        await using var command = _dataSource.CreateCommand(
            $"""
            SELECT {RollupColumns}
            FROM tool_execution_rollups AS r
            LEFT JOIN tool_execution_rollup_latency AS l USING (tool_name, tool_version, bucket_start)
            WHERE r.tool_name = $1 AND ($2::integer IS NULL OR r.tool_version = $2) AND r.bucket_start >= $3 AND r.bucket_start < $4
            ORDER BY r.tool_version, r.bucket_start
            """);
        command.Parameters.Add(Text(toolName));
        command.Parameters.Add(new NpgsqlParameter { Value = (object?)toolVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = ExecutionRollup.BucketOf(from).UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = to.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var rollups = new List<ExecutionRollup>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            rollups.Add(new ExecutionRollup(
                reader.GetString(0),
                reader.GetInt32(1),
                new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetInt32(5),
                reader.GetInt32(6),
                reader.GetInt32(7),
                reader.GetInt32(8),
                reader.GetInt64(9),
                reader.GetInt64(10),
                reader.GetInt64(11),
                reader.IsDBNull(12) ? new int[ExecutionLatencyHistogram.BucketCount] : reader.GetFieldValue<int[]>(12)));
        }

        return rollups;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Whole UTC days of the window come from the daily rollups and its partial-day edges from the hourly ones
    /// (<see cref="ExecutionRollupAggregator.ScanRanges"/>): the same sums as adding every hourly row of the window,
    /// from tools × days + tools × edge hours rows instead of tools × hours.
    /// </remarks>
    public async Task<IReadOnlyList<ToolRollupSummary>> FindToolsBelowSuccessRateAsync(
        DateTimeOffset from, DateTimeOffset to, double successRateBelow, int minExecutions, int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(minExecutions);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);

        var ranges = ExecutionRollupAggregator.ScanRanges(from, to);
        var (sql, bounds) = ScanSql(ranges);
        if (bounds.Count == 0)
        {
            return [];
        }

        var next = bounds.Count + 1;
        await using var command = _dataSource.CreateCommand(
            $"""
            {sql}
            WHERE s + te + tt + be + io >= ${next} AND s < ${next + 1} * (s + te + tt + be + io)
            ORDER BY s::float8 / NULLIF(s + te + tt + be + io, 0), tool_name COLLATE "C"
            LIMIT ${next + 2}
            """);
        foreach (var bound in bounds)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = bound.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }

        command.Parameters.Add(new NpgsqlParameter { Value = (long)Math.Max(minExecutions, 1), NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = successRateBelow, NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var tools = new List<ToolRollupSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            tools.Add(new ToolRollupSummary(
                reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
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

        var ranges = ExecutionRollupAggregator.ScanRanges(from, to);
        var (sql, bounds) = ScanSql(ranges);
        if (bounds.Count == 0)
        {
            return new ToolRollupScan(0, []);
        }

        var next = bounds.Count + 1;
        await using var command = _dataSource.CreateCommand(
            $"""
            WITH judged AS MATERIALIZED (
            {sql}
            WHERE s + te + tt + be + io >= ${next}
            )
            SELECT b.tool_name, b.s, b.te, b.tt, b.be, b.ii, b.io, c.judged
            FROM (SELECT count(*) AS judged FROM judged) AS c
            LEFT JOIN LATERAL (
                SELECT tool_name, s, te, tt, be, ii, io
                FROM judged
                WHERE s < ${next + 1} * (s + te + tt + be + io)
                ORDER BY s::float8 / (s + te + tt + be + io), tool_name COLLATE "C"
                LIMIT ${next + 2}
            ) AS b ON true
            ORDER BY b.s::float8 / (b.s + b.te + b.tt + b.be + b.io), b.tool_name COLLATE "C"
            """);
        foreach (var bound in bounds)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = bound.UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        }

        command.Parameters.Add(new NpgsqlParameter { Value = (long)Math.Max(minExecutions, 1), NpgsqlDbType = NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter { Value = successRateBelow, NpgsqlDbType = NpgsqlDbType.Double });
        command.Parameters.Add(new NpgsqlParameter { Value = limit, NpgsqlDbType = NpgsqlDbType.Integer });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var judged = 0L;
        var tools = new List<ToolRollupSummary>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            judged = reader.GetInt64(7);

            // No tool below the threshold: the count alone, with a null row.
            if (!reader.IsDBNull(0))
            {
                tools.Add(new ToolRollupSummary(
                    reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6)));
            }
        }

        return new ToolRollupScan(checked((int)judged), tools);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ToolUsage>> ReadToolUsageAsync(CancellationToken cancellationToken = default)
    {
        // Per version: its total and last day. Per tool (window): the sums. The versions that ran on the tool's last
        // day find that day's hours through the hourly table's primary key (tool, version, hour).
        await using var command = _dataSource.CreateCommand(
            """
            SELECT w.tool_name, w.tool_total, w.tool_last_day, max(r.bucket_start)
            FROM (
                SELECT tool_name, tool_version, last_day,
                       (sum(total) OVER (PARTITION BY tool_name))::bigint AS tool_total,
                       max(last_day) OVER (PARTITION BY tool_name) AS tool_last_day
                FROM (
                    SELECT tool_name, tool_version, max(day_start) AS last_day,
                           autonomy_sum_bigint(success_count + tool_error_count + timeout_count + budget_exceeded_count
                                               + invalid_input_count + invalid_output_count) AS total
                    FROM tool_execution_daily_rollups
                    GROUP BY tool_name, tool_version
                ) AS v
            ) AS w
            LEFT JOIN tool_execution_rollups AS r
                ON r.tool_name = w.tool_name AND r.tool_version = w.tool_version
               AND r.bucket_start >= w.last_day AND r.bucket_start < w.last_day + interval '1 day'
            WHERE w.last_day = w.tool_last_day
            GROUP BY w.tool_name, w.tool_total, w.tool_last_day
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var usage = new List<ToolUsage>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var lastDay = new DateTimeOffset(reader.GetDateTime(2), TimeSpan.Zero);

            // No hourly row for the day (none is ever deleted, but a day row can outlive them): its last hour.
            var lastHour = reader.IsDBNull(3) ? lastDay.AddDays(1) - ExecutionRollup.BucketWidth : new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero);
            usage.Add(new ToolUsage(reader.GetString(0), reader.GetInt64(1), lastHour));
        }

        return [.. usage.OrderBy(u => u.ToolName, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The per-tool sums of the scan over <paramref name="ranges"/>, as <c>SELECT … FROM (…) AS t</c> with columns
    /// tool_name, s, te, tt, be, ii, io (bigint), and the timestamptz values of its parameters $1…$n in order.
    /// Whole days come from <c>tool_execution_daily_rollups</c>, the partial-day edges from
    /// <c>tool_execution_rollups</c>, combined with <c>UNION ALL</c> and grouped by tool. Empty ranges are left out
    /// of the statement (an empty branch still costs an index probe, and PostgreSQL may start parallel workers
    /// for it); when every range is empty there are no parameters and the scan has no rows.
    /// Public so the benchmark can <c>EXPLAIN</c> the exact statement.
    /// </summary>
    public static (string Sql, IReadOnlyList<DateTimeOffset> Parameters) ScanSql(RollupScanRanges ranges)
    {
        var branches = new List<string>();
        var bounds = new List<DateTimeOffset>();
        void Add(string table, string column, DateTimeOffset from, DateTimeOffset to)
        {
            if (from >= to)
            {
                return;
            }

            bounds.Add(from);
            bounds.Add(to);
            branches.Add(
                $"""
                        SELECT tool_name, success_count::bigint AS s, tool_error_count::bigint AS te, timeout_count::bigint AS tt,
                               budget_exceeded_count::bigint AS be, invalid_input_count::bigint AS ii, invalid_output_count::bigint AS io
                        FROM {table}
                        WHERE {column} >= ${bounds.Count - 1} AND {column} < ${bounds.Count}
                """);
        }

        Add("tool_execution_daily_rollups", "day_start", ranges.DailyFrom, ranges.DailyTo);
        Add("tool_execution_rollups", "bucket_start", ranges.HeadFrom, ranges.HeadTo);
        Add("tool_execution_rollups", "bucket_start", ranges.TailFrom, ranges.TailTo);

        // autonomy_sum_bigint (migration 0004): an exact bigint sum with a bigint state, where sum(bigint) would
        // accumulate in numeric.
        var sql =
            $"""
            SELECT tool_name, s, te, tt, be, ii, io
            FROM (
                SELECT tool_name,
                       autonomy_sum_bigint(s) AS s, autonomy_sum_bigint(te) AS te, autonomy_sum_bigint(tt) AS tt,
                       autonomy_sum_bigint(be) AS be, autonomy_sum_bigint(ii) AS ii, autonomy_sum_bigint(io) AS io
                FROM (
            {string.Join("\n        UNION ALL\n", branches)}
                ) AS u
                GROUP BY tool_name
            ) AS t
            """;
        return (sql, bounds);
    }

    private static NpgsqlParameter Text(string value) => new() { Value = value, NpgsqlDbType = NpgsqlDbType.Text };

    private static string? NullableString(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static ExecutionRecord ReadRecord(NpgsqlDataReader reader) => new(
        reader.GetGuid(0),
        reader.GetString(1),
        reader.GetInt32(2),
        new DateTimeOffset(reader.GetDateTime(3), TimeSpan.Zero),
        TimeSpan.FromMicroseconds(reader.GetInt64(4)),
        (ExecutionOutcome)reader.GetInt16(5),
        NullableString(reader, 6),
        NullableString(reader, 7),
        reader.GetBoolean(8),
        reader.GetBoolean(9),
        NullableString(reader, 10),
        NullableString(reader, 11),
        reader.IsDBNull(12) ? null : reader.GetInt32(12),
        NullableString(reader, 13),
        (ExceededBudget)reader.GetInt16(14),
        reader.GetInt64(15),
        reader.GetInt64(16),
        NullableString(reader, 17),
        reader.GetInt32(18),
        NullableString(reader, 19),
        NullableString(reader, 20),
        new DateTimeOffset(reader.GetDateTime(21), TimeSpan.Zero));

    private async Task<IReadOnlyList<ExecutionRecord>> ReadRecordsAsync(
        string sql, NpgsqlParameter[] parameters, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddRange(parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var records = new List<ExecutionRecord>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            records.Add(ReadRecord(reader));
        }

        return records;
    }
}
