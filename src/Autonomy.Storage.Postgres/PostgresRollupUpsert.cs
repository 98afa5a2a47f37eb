using Autonomy.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Autonomy.Storage.Postgres;

/// <summary>Adds in-memory batch aggregates to <c>tool_execution_rollups</c> and <c>tool_execution_rollup_latency</c> in one round trip.</summary>
internal static class PostgresRollupUpsert
{
    private const string CountsSql =
        """
        INSERT INTO tool_execution_rollups AS r
            (tool_name, tool_version, bucket_start, success_count, tool_error_count, timeout_count, budget_exceeded_count,
             invalid_input_count, invalid_output_count, duration_sum_us, duration_min_us, duration_max_us)
        SELECT t.tool_name, t.tool_version, t.bucket_start, t.s, t.te, t.tt, t.be, t.ii, t.io, t.dsum, t.dmin, t.dmax
        FROM unnest($1::text[], $2::integer[], $3::timestamptz[], $4::integer[], $5::integer[], $6::integer[], $7::integer[],
                    $8::integer[], $9::integer[], $10::bigint[], $11::bigint[], $12::bigint[])
             WITH ORDINALITY AS t(tool_name, tool_version, bucket_start, s, te, tt, be, ii, io, dsum, dmin, dmax, ord)
        ORDER BY t.ord
        ON CONFLICT (tool_name, tool_version, bucket_start) DO UPDATE SET
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

    /// <summary>Upserts <paramref name="rollups"/> (already in key order, see <see cref="ExecutionRollupAggregator"/>).</summary>
    public static async Task ExecuteAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<ExecutionRollup> rollups, CancellationToken cancellationToken)
    {
        if (rollups.Count == 0)
        {
            return;
        }

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
        var histograms = new int[count * ExecutionLatencyHistogram.BucketCount];
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
            for (var b = 0; b < ExecutionLatencyHistogram.BucketCount && b < rollup.LatencyHistogram.Count; b++)
            {
                histograms[(i * ExecutionLatencyHistogram.BucketCount) + b] = rollup.LatencyHistogram[b];
            }
        }

        // Both statements go in one round trip, and take their row locks in the same (key) order.
        await using var batch = new NpgsqlBatch(connection, transaction);
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

        var latency = new NpgsqlBatchCommand(LatencySql);
        latency.Parameters.Add(new NpgsqlParameter { Value = tools, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        latency.Parameters.Add(new NpgsqlParameter { Value = versions, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        latency.Parameters.Add(new NpgsqlParameter { Value = buckets, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        latency.Parameters.Add(new NpgsqlParameter { Value = histograms, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        batch.BatchCommands.Add(counts);
        batch.BatchCommands.Add(latency);
        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
