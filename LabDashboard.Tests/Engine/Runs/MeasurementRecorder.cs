using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Tests.Engine.Runs;

/// <summary>
/// Listens to the <see cref="RunMetrics.MeterName"/> meter of one <see cref="IMeterFactory"/> (so runs of tests
/// running at the same time do not count) and keeps every measurement with its tags.
/// </summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<Measured> _measurements = new();

    public MeasurementRecorder(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RunMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, meters)) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>Reads the observable gauges now.</summary>
    public void Observe() => _listener.RecordObservableInstruments();

    /// <summary>Measurements of <paramref name="instrument"/> carrying the tag <paramref name="tag"/> = <paramref name="value"/>, in order.</summary>
    public IReadOnlyList<double> Of(string instrument, string tag, string value) =>
        _measurements.Where(m => m.Instrument == instrument && m.Tags.TryGetValue(tag, out var v) && Equals(v, value)).Select(m => m.Value).ToList();

    public void Dispose() => _listener.Dispose();

    private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var byName = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags) byName[key] = tagValue;
        _measurements.Enqueue(new Measured(instrument.Name, value, byName));
    }

    private sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);
}
