using Autonomy.Core.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Autonomy.Benchmarks.Storage;

/// <summary>
/// Writes synthetic rollups by binary COPY, as the sink would have left them: hourly counts with their latency
/// histogram (every execution 60 ms on average, between 40 and 100 ms) and daily counts, all for version 1. Each
/// table gets its own connection, so the three COPY streams run side by side.
/// </summary>
internal sealed class SyntheticRollupCopy : IAsyncDisposable
{
    private const string CountColumns =
        "success_count, tool_error_count, timeout_count, budget_exceeded_count, invalid_input_count, invalid_output_count, duration_sum_us, duration_min_us, duration_max_us";

    private readonly List<NpgsqlConnection> _connections;
    private readonly NpgsqlBinaryImporter _hourly;
    private readonly NpgsqlBinaryImporter _latency;
    private readonly NpgsqlBinaryImporter _daily;
    private readonly int[] _histogram = new int[ExecutionLatencyHistogram.BucketCount];

    private SyntheticRollupCopy(List<NpgsqlConnection> connections, NpgsqlBinaryImporter hourly, NpgsqlBinaryImporter latency, NpgsqlBinaryImporter daily)
    {
        _connections = connections;
        _hourly = hourly;
        _latency = latency;
        _daily = daily;
    }

    public static async Task<SyntheticRollupCopy> StartAsync(NpgsqlDataSource dataSource)
    {
        var connections = new List<NpgsqlConnection>();
        async Task<NpgsqlBinaryImporter> BeginAsync(string copy)
        {
            var connection = await dataSource.OpenConnectionAsync();
            connections.Add(connection);
            return await connection.BeginBinaryImportAsync(copy);
        }

        var hourly = await BeginAsync($"COPY tool_execution_rollups (tool_name, tool_version, bucket_start, {CountColumns}) FROM STDIN (FORMAT BINARY)");
        var latency = await BeginAsync("COPY tool_execution_rollup_latency (tool_name, tool_version, bucket_start, latency_histogram) FROM STDIN (FORMAT BINARY)");
        var daily = await BeginAsync($"COPY tool_execution_daily_rollups (tool_name, tool_version, day_start, {CountColumns}) FROM STDIN (FORMAT BINARY)");
        return new SyntheticRollupCopy(connections, hourly, latency, daily);
    }

    /// <summary>One tool's hour: its counts row and its latency histogram row.</summary>
    public async Task WriteHourAsync(string tool, DateTimeOffset hour, int executions, int failures)
    {
        await _hourly.StartRowAsync();
        await _hourly.WriteAsync(tool, NpgsqlDbType.Text);
        await _hourly.WriteAsync(1, NpgsqlDbType.Integer);
        await _hourly.WriteAsync(hour.UtcDateTime, NpgsqlDbType.TimestampTz);
        await _hourly.WriteAsync(executions - failures, NpgsqlDbType.Integer);
        await _hourly.WriteAsync(failures, NpgsqlDbType.Integer);
        for (var zero = 0; zero < 4; zero++)
        {
            await _hourly.WriteAsync(0, NpgsqlDbType.Integer);
        }

        await _hourly.WriteAsync(executions * 60_000L, NpgsqlDbType.Bigint);
        await _hourly.WriteAsync(40_000L, NpgsqlDbType.Bigint);
        await _hourly.WriteAsync(100_000L, NpgsqlDbType.Bigint);

        Array.Clear(_histogram);
        _histogram[20] = executions - 1;
        _histogram[24] = 1;
        await _latency.StartRowAsync();
        await _latency.WriteAsync(tool, NpgsqlDbType.Text);
        await _latency.WriteAsync(1, NpgsqlDbType.Integer);
        await _latency.WriteAsync(hour.UtcDateTime, NpgsqlDbType.TimestampTz);
        await _latency.WriteAsync(_histogram, NpgsqlDbType.Array | NpgsqlDbType.Integer);
    }

    /// <summary>One tool's day: the sums of its hourly rows of that day.</summary>
    public async Task WriteDayAsync(string tool, DateTimeOffset day, long executions, long successes)
    {
        await _daily.StartRowAsync();
        await _daily.WriteAsync(tool, NpgsqlDbType.Text);
        await _daily.WriteAsync(1, NpgsqlDbType.Integer);
        await _daily.WriteAsync(day.UtcDateTime, NpgsqlDbType.TimestampTz);
        await _daily.WriteAsync(successes, NpgsqlDbType.Bigint);
        await _daily.WriteAsync(executions - successes, NpgsqlDbType.Bigint);
        for (var zero = 0; zero < 4; zero++)
        {
            await _daily.WriteAsync(0L, NpgsqlDbType.Bigint);
        }

        await _daily.WriteAsync(executions * 60_000L, NpgsqlDbType.Bigint);
        await _daily.WriteAsync(40_000L, NpgsqlDbType.Bigint);
        await _daily.WriteAsync(100_000L, NpgsqlDbType.Bigint);
    }

    /// <summary>Commits the three streams.</summary>
    public async Task CompleteAsync()
    {
        await _hourly.CompleteAsync();
        await _latency.CompleteAsync();
        await _daily.CompleteAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _hourly.DisposeAsync();
        await _latency.DisposeAsync();
        await _daily.DisposeAsync();
        foreach (var connection in _connections)
        {
            await connection.DisposeAsync();
        }
    }
}
