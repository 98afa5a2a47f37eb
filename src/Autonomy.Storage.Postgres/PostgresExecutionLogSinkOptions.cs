using System.ComponentModel.DataAnnotations;

namespace Autonomy.Storage.Postgres;

/// <summary>
/// How the PostgreSQL execution-log sink defers its hourly latency histograms. Counts (hourly and daily) are
/// written with every batch; the histograms of <c>tool_execution_rollup_latency</c> are added up in memory across
/// batches and written in the transaction of a later batch, so a popular tool's histogram row is updated once per
/// interval instead of once per batch. See docs/decisions/0005-execution-log.md for the loss window this opens.
/// </summary>
public sealed class PostgresExecutionLogSinkOptions
{
    /// <summary>Default time between two histogram writes, in milliseconds.</summary>
    public const int DefaultLatencyFlushIntervalMilliseconds = 5_000;

    /// <summary>Default number of pending (tool, version, hour) histograms that forces a write before the interval.</summary>
    public const int DefaultMaxPendingLatencyRows = 10_000;

    /// <summary>
    /// How long committed histogram deltas may wait in memory before a batch's transaction writes them. 0 writes
    /// them with every batch that finds no other batch writing them (they still merge across concurrent batches).
    /// </summary>
    /// <value>Defaults to <see cref="DefaultLatencyFlushIntervalMilliseconds"/>.</value>
    [Range(0, 600_000)]
    public int LatencyFlushIntervalMilliseconds { get; set; } = DefaultLatencyFlushIntervalMilliseconds;

    /// <summary>
    /// How many distinct (tool, version, hour) histograms may wait in memory before the next batch writes them,
    /// whatever the interval: the bound of the sink's memory (about 200 bytes each).
    /// </summary>
    /// <value>Defaults to <see cref="DefaultMaxPendingLatencyRows"/>.</value>
    [Range(1, 1_000_000)]
    public int MaxPendingLatencyRows { get; set; } = DefaultMaxPendingLatencyRows;
}
