using System.Diagnostics.Metrics;

namespace Autonomy.Core.Storage;

/// <summary>The instruments of the execution log writer, on the meter <see cref="MeterName"/>.</summary>
internal sealed class ExecutionLogMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Autonomy.ExecutionLog";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public ExecutionLogMetrics(IMeterFactory? meterFactory, Func<long> queueDepth)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _meter.CreateObservableGauge(
            "autonomy.execution_log.queue.depth", queueDepth, "{execution}", "Records buffered and not yet written.");
        BatchSize = _meter.CreateHistogram<int>(
            "autonomy.execution_log.batch.size", "{execution}", "Records per batch written.");
        WriteDuration = _meter.CreateHistogram<double>(
            "autonomy.execution_log.write.duration", "s", "Time to write one batch and its rollups, successful or not.");
        RowsWritten = _meter.CreateCounter<long>(
            "autonomy.execution_log.rows.written", "{execution}", "Records stored (including ones that were already stored).");
        RowsDropped = _meter.CreateCounter<long>(
            "autonomy.execution_log.rows.dropped", "{execution}", "Records given up on: recorded after stop, or still buffered when the shutdown timeout ran out.");
        RowsRejected = _meter.CreateCounter<long>(
            "autonomy.execution_log.rows.rejected", "{execution}", "Records the database refused on their own.");
        Retries = _meter.CreateCounter<long>(
            "autonomy.execution_log.retries", "{attempt}", "Writes retried after a failure.");
        Refused = _meter.CreateCounter<long>(
            "autonomy.execution_log.buffer.full", "{execution}", "TryRecord calls refused because the buffer was full.");
    }

    public Histogram<int> BatchSize { get; }

    public Histogram<double> WriteDuration { get; }

    public Counter<long> RowsWritten { get; }

    public Counter<long> RowsDropped { get; }

    public Counter<long> RowsRejected { get; }

    public Counter<long> Retries { get; }

    public Counter<long> Refused { get; }

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
