using Autonomy.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Autonomy.Storage.Postgres;

/// <summary>
/// Adds in-memory batch aggregates to <c>tool_execution_rollups</c> and <c>tool_execution_daily_rollups</c>, and
/// deferred histogram deltas to <c>tool_execution_rollup_latency</c>, in one round trip.
/// </summary>
internal static class PostgresRollupUpsert
{
    /// <summary>The transaction's id as bigint (xid8 has no binary mapping the sink needs).</summary>
    private const string TransactionIdSql = "SELECT pg_current_xact_id()::text::bigint";

    private static readonly string CountsSql = CountsUpsertSql("tool_execution_rollups", "bucket_start", "integer");

    private static readonly string DailySql = CountsUpsertSql("tool_execution_daily_rollups", "day_start", "bigint");

    private static readonly string LatencySql =
        $"""
        INSERT INTO tool_execution_rollup_latency AS r (tool_name, tool_version, bucket_start, latency_histogram)
        SELECT t.tool_name, t.tool_version, t.bucket_start,
               ($4::integer[])[((t.ord - 1) * {ExecutionLatencyHistogram.BucketCount} + 1):(t.ord * {ExecutionLatencyHistogram.BucketCount})]
        FROM unnest($1::text[], $2::integer[], $3::timestamptz[]) WITH ORDINALITY AS t(tool_name, tool_version, bucket_start, ord)
        ORDER BY t.ord
        ON CONFLICT (tool_name, tool_version, bucket_start) DO UPDATE SET
            latency_histogram = ARRAY(
                SELECT COALESCE(h.a, 0) + COALESCE(h.b, 0)
                FROM unnest(r.latency_histogram, excluded.latency_histogram) WITH ORDINALITY AS h(a, b, i)
                ORDER BY h.i)
        """;

    /// <summary>
    /// Upserts <paramref name="rollups"/> (already in key order, see <see cref="ExecutionRollupAggregator"/>) into
    /// the hourly counts table and their sums per UTC day into the daily table, and adds <paramref name="histograms"/>
    /// (deferred deltas, see <see cref="PostgresDeferredLatency"/>) to the latency table, in one round trip.
    /// </summary>
    /// <returns>The transaction's id (<c>pg_current_xact_id()</c>), by which an unanswered commit is resolved later.</returns>
    public static async Task<long> ExecuteAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction transaction,
        IReadOnlyList<ExecutionRollup> rollups,
        PostgresLatencyDeltas? histograms,
        CancellationToken cancellationToken)
    {
        // The statements take their row locks in one order: hourly rows, latency rows, daily rows, each table in key
        // order. Concurrent writers therefore wait for each other but never deadlock.
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand(TransactionIdSql));
        if (rollups.Count > 0)
        {
            batch.BatchCommands.Add(CountsCommand(rollups));
        }

        if (histograms is { Count: > 0 })
        {
            batch.BatchCommands.Add(LatencyCommand(histograms));
        }

        if (rollups.Count > 0)
        {
            batch.BatchCommands.Add(DailyCommand(ExecutionRollupAggregator.AggregateDaily(rollups)));
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var transactionId = reader.GetInt64(0);

        // Reading to the end surfaces a failure of any later statement here, before the commit.
        while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false))
        {
        }

        return transactionId;
    }

    private static NpgsqlBatchCommand CountsCommand(IReadOnlyList<ExecutionRollup> rollups)
    {
        var count = rollups.Count;
        var tools = new string[count];
        var versions = new int[count];
        var buckets = new DateTime[count];
        var success = new int[count];
        var toolError = new int[count];
        var timeout = new int[count];
        var budget = new int[count];
        var invalidInput = new int[count];
        var invalidOutput = new int[count];
        var sum = new long[count];
        var min = new long[count];
        var max = new long[count];
        for (var i = 0; i < count; i++)
        {
            var rollup = rollups[i];
            tools[i] = rollup.ToolName;
            versions[i] = rollup.ToolVersion;
            buckets[i] = rollup.BucketStart.UtcDateTime;
            success[i] = rollup.SuccessCount;
            toolError[i] = rollup.ToolErrorCount;
            timeout[i] = rollup.TimeoutCount;
            budget[i] = rollup.BudgetExceededCount;
            invalidInput[i] = rollup.InvalidInputCount;
            invalidOutput[i] = rollup.InvalidOutputCount;
            sum[i] = rollup.DurationSumMicroseconds;
            min[i] = rollup.DurationMinMicroseconds;
            max[i] = rollup.DurationMaxMicroseconds;
        }

        var counts = new NpgsqlBatchCommand(CountsSql);
        counts.Parameters.Add(new NpgsqlParameter { Value = tools, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        counts.Parameters.Add(new NpgsqlParameter { Value = versions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        counts.Parameters.Add(new NpgsqlParameter { Value = buckets, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        foreach (var outcomeCounts in new[] { success, toolError, timeout, budget, invalidInput, invalidOutput })
        {
            counts.Parameters.Add(new NpgsqlParameter { Value = outcomeCounts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        }

        foreach (var durations in new[] { sum, min, max })
        {
            counts.Parameters.Add(new NpgsqlParameter { Value = durations, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        }

        return counts;
    }

    private static NpgsqlBatchCommand LatencyCommand(PostgresLatencyDeltas histograms)
    {
        var (tools, versions, buckets, counts) = histograms.ToSortedArrays();
        var latency = new NpgsqlBatchCommand(LatencySql);
        latency.Parameters.Add(new NpgsqlParameter { Value = tools, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        latency.Parameters.Add(new NpgsqlParameter { Value = versions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        latency.Parameters.Add(new NpgsqlParameter { Value = buckets, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        latency.Parameters.Add(new NpgsqlParameter { Value = counts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        return latency;
    }

    private static NpgsqlBatchCommand DailyCommand(IReadOnlyList<ExecutionRollup> days)
    {
        var count = days.Count;
        var tools = new string[count];
        var versions = new int[count];
        var starts = new DateTime[count];
        var columns = new long[9][];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = new long[count];
        }

        for (var i = 0; i < count; i++)
        {
            var day = days[i];
            tools[i] = day.ToolName;
            versions[i] = day.ToolVersion;
            starts[i] = day.BucketStart.UtcDateTime;
            columns[0][i] = day.SuccessCount;
            columns[1][i] = day.ToolErrorCount;
            columns[2][i] = day.TimeoutCount;
            columns[3][i] = day.BudgetExceededCount;
            columns[4][i] = day.InvalidInputCount;
            columns[5][i] = day.InvalidOutputCount;
            columns[6][i] = day.DurationSumMicroseconds;
            columns[7][i] = day.DurationMinMicroseconds;
            columns[8][i] = day.DurationMaxMicroseconds;
        }

        var command = new NpgsqlBatchCommand(DailySql);
        command.Parameters.Add(new NpgsqlParameter { Value = tools, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = versions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        command.Parameters.Add(new NpgsqlParameter { Value = starts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        foreach (var column in columns)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = column, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        }

        return command;
    }

    /// <summary>
    /// The upsert that adds batch counts to a rollup table keyed by (tool, version, <paramref name="keyColumn"/>):
    /// the hourly and the daily tables differ only in their name, their time column and their counts' width.
    /// </summary>
    private static string CountsUpsertSql(string table, string keyColumn, string countType) =>
        $"""
        INSERT INTO {table} AS r
            (tool_name, tool_version, {keyColumn}, success_count, tool_error_count, timeout_count, budget_exceeded_count,
             invalid_input_count, invalid_output_count, duration_sum_us, duration_min_us, duration_max_us)
        SELECT t.tool_name, t.tool_version, t.time_key, t.s, t.te, t.tt, t.be, t.ii, t.io, t.dsum, t.dmin, t.dmax
        FROM unnest($1::text[], $2::integer[], $3::timestamptz[], $4::{countType}[], $5::{countType}[], $6::{countType}[], $7::{countType}[],
                    $8::{countType}[], $9::{countType}[], $10::bigint[], $11::bigint[], $12::bigint[])
             WITH ORDINALITY AS t(tool_name, tool_version, time_key, s, te, tt, be, ii, io, dsum, dmin, dmax, ord)
        ORDER BY t.ord
        ON CONFLICT (tool_name, tool_version, {keyColumn}) DO UPDATE SET
            success_count = r.success_count + excluded.success_count,
            tool_error_count = r.tool_error_count + excluded.tool_error_count,
            timeout_count = r.timeout_count + excluded.timeout_count,
            budget_exceeded_count = r.budget_exceeded_count + excluded.budget_exceeded_count,
            invalid_input_count = r.invalid_input_count + excluded.invalid_input_count,
            invalid_output_count = r.invalid_output_count + excluded.invalid_output_count,
            duration_sum_us = r.duration_sum_us + excluded.duration_sum_us,
            duration_min_us = LEAST(r.duration_min_us, excluded.duration_min_us),
            duration_max_us = GREATEST(r.duration_max_us, excluded.duration_max_us)
        """;
}
