using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Autonomy.Grains.Diagnostics;

namespace Autonomy.Grains.Tests.Support;

/// <summary>
/// Listens to every instrument of the <c>Autonomy.Orleans</c> meters in this process. Tests run clusters in
/// parallel, so readers filter on a tool name of their own.
/// </summary>
internal sealed class MetricRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    public MetricRecorder()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (string.Equals(instrument.Meter.Name, AutonomyMetrics.MeterName, StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The measurements of an instrument on the meter one silo created through its <c>IMeterFactory</c> (the meter's scope).</summary>
    public IReadOnlyList<Measurement> For(string instrument, object meterScope) =>
        [.. _measurements.Where(m => string.Equals(m.Instrument, instrument, StringComparison.Ordinal) && ReferenceEquals(m.Scope, meterScope))];

    /// <summary>The measurements of an instrument whose tags include the given tool.</summary>
    public IReadOnlyList<Measurement> For(string instrument, string toolName) =>
        [.. _measurements.Where(m => string.Equals(m.Instrument, instrument, StringComparison.Ordinal)
            && m.Tags.TryGetValue(AutonomyMetrics.ToolTag, out var tool) && Equals(tool, toolName))];

    public void Dispose() => _listener.Dispose();

    private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measurement(instrument.Name, value, copy, instrument.Meter.Scope));
    }

    public sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags, object? Scope);
}
