using System.Diagnostics.Metrics;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// The run service's metrics on the <see cref="MeterName"/> meter: runs queued and running in this
/// process (observable gauges tagged <c>worker</c>), each epoch's duration in seconds (a histogram
/// tagged <c>problem</c>; the time since the run's previous epoch or its start, pauses left out) and
/// finished runs (a counter tagged <c>outcome</c> and <c>problem</c>). Nothing is measured until a
/// listener (OpenTelemetry, <c>dotnet-counters</c>) subscribes to the meter.
/// </summary>
public sealed class RunMetrics : IDisposable
{
    /// <summary>The meter's name, which an exporter subscribes to.</summary>
    public const string MeterName = "LabDashboard";

    /// <summary>Observable gauge: runs waiting for this worker's device.</summary>
    public const string RunsQueued = "labdashboard.runs.queued";

    /// <summary>Observable gauge: runs training on this worker now (paused ones not counted).</summary>
    public const string RunsRunning = "labdashboard.runs.running";

    /// <summary>Histogram, seconds: how long each epoch took.</summary>
    public const string EpochDuration = "labdashboard.epoch.duration";

    /// <summary>Counter: runs that finished, by outcome.</summary>
    public const string RunsFinished = "labdashboard.runs.finished";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Histogram<double> _epochDuration;
    private readonly Counter<long> _finished;

    /// <summary>
    /// Creates the instruments on a meter from <paramref name="meters"/> (the host's, which owns it)
    /// or, without one, on a meter of its own; the gauges count <paramref name="liveStatuses"/> as
    /// <paramref name="worker"/>'s.
    /// </summary>
    internal RunMetrics(IMeterFactory? meters, string worker, Func<IEnumerable<RunStatus>> liveStatuses)
    {
        _ownsMeter = meters is null;
        _meter = meters?.Create(MeterName) ?? new Meter(MeterName);
        var workerTag = new KeyValuePair<string, object?>("worker", worker);
        _meter.CreateObservableGauge(RunsQueued, () => new Measurement<int>(liveStatuses().Count(s => s == RunStatus.Queued), workerTag),
            "{run}", "Runs waiting for the worker's device.");
        _meter.CreateObservableGauge(RunsRunning, () => new Measurement<int>(liveStatuses().Count(s => s == RunStatus.Running), workerTag),
            "{run}", "Runs training on the worker.");
        _epochDuration = _meter.CreateHistogram<double>(EpochDuration, "s", "How long an epoch took (pauses left out).");
        _finished = _meter.CreateCounter<long>(RunsFinished, "{run}", "Runs that finished, by outcome.");
    }

    /// <summary>Records an epoch of <paramref name="problemId"/> that took <paramref name="duration"/>.</summary>
    internal void EpochEnded(string problemId, TimeSpan duration) =>
        _epochDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("problem", problemId));

    /// <summary>Counts a run of <paramref name="problemId"/> that finished as <paramref name="outcome"/>.</summary>
    internal void Finished(string problemId, RunOutcome outcome) =>
        _finished.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Name()), new KeyValuePair<string, object?>("problem", problemId));

    /// <summary>Ends the instruments when the meter is this object's own (a host's meter ends with the host).</summary>
    public void Dispose()
    {
        if (_ownsMeter) _meter.Dispose();
    }
}
