using System.Text.Json;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Tests.Engine;

/// <summary>
/// A fake <see cref="IRunReporter"/> for running a problem without the run service: records every
/// event (numbering them), keeps images in memory, and never pauses. Cancel through
/// <see cref="CancellationSource"/>; hook <see cref="OnCheckpoint"/> to act at each checkpoint.
/// </summary>
public sealed class RecordingReporter : IRunReporter
{
    private static readonly Lazy<DeviceInfo> SharedDevice = new(DeviceInfo.Detect);
    private readonly List<RunEvent> _events = [];
    private readonly Lock _sync = new();

    /// <summary>Cancel this to make the next checkpoint throw.</summary>
    public CancellationTokenSource CancellationSource { get; } = new();

    /// <summary>Called at every checkpoint, before the cancellation check.</summary>
    public Action? OnCheckpoint { get; set; }

    /// <summary>Images stored, by (name, epoch).</summary>
    public Dictionary<(string Name, int Epoch), (string Mime, byte[] Bytes)> Images { get; } = [];

    /// <summary>Checkpoints passed so far.</summary>
    public int Checkpoints { get; private set; }

    /// <inheritdoc />
    public CancellationToken Cancellation => CancellationSource.Token;

    /// <summary>Everything published, in order, numbered 1, 2, ….</summary>
    public IReadOnlyList<RunEvent> Events { get { lock (_sync) return _events.ToList(); } }

    /// <summary>Events of one kind.</summary>
    public IReadOnlyList<RunEvent> OfKind(string kind) => Events.Where(e => e.Kind == kind).ToList();

    /// <summary>The metrics of every <c>epoch</c> event, in order.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, double>> EpochMetrics => OfKind(RunEventKinds.Epoch).Select(e => e.Metrics!).ToList();

    /// <summary>The payloads of the <c>data</c> events with this name, in order.</summary>
    public IReadOnlyList<object> DataNamed(string name) => OfKind(RunEventKinds.Data).Where(e => e.Name == name).Select(e => e.Data!).ToList();

    /// <inheritdoc />
    public void Publish(RunEvent partial)
    {
        lock (_sync) _events.Add(partial with { Seq = _events.Count + 1 });
    }

    /// <inheritdoc />
    public void StoreImage(string name, int epoch, string mime, byte[] bytes) => Images[(name, epoch)] = (mime, bytes);

    /// <inheritdoc />
    public void Checkpoint()
    {
        Checkpoints++;
        OnCheckpoint?.Invoke();
        Cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>A context for <paramref name="problem"/> with its settings bound from <paramref name="settingsJson"/> (null = exam defaults).</summary>
    public RunContext ContextFor(IProblem problem, string? settingsJson = null, LabPaths? paths = null)
    {
        var settings = settingsJson is null
            ? SettingsBinder.Defaults(problem.Descriptor.Settings)
            : SettingsBinder.Bind(problem.Descriptor.Settings, JsonDocument.Parse(settingsJson).RootElement);
        paths ??= new LabPaths([TestData.Root], Path.Combine(Path.GetTempPath(), "labdashboard-tests-unused-state"));
        return new RunContext("test-run", settings, SharedDevice.Value, paths, this);
    }

    /// <summary>Runs <paramref name="problem"/> to the end and returns its context (results, checks) with the reporter that recorded it.</summary>
    public static (RunContext Context, RecordingReporter Reporter) Run(IProblem problem, string? settingsJson = null)
    {
        var reporter = new RecordingReporter();
        var context = reporter.ContextFor(problem, settingsJson);
        problem.Run(context);
        return (context, reporter);
    }
}
