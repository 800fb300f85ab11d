using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// What a problem's <c>Run</c> sees: its settings, device and folders, and the calls to report
/// progress. Results and checks are collected here and sent with the <c>finished</c> event.
/// </summary>
public sealed class RunContext(string runId, RunSettings settings, DeviceInfo device, LabPaths paths, IRunReporter reporter)
{
    private readonly Dictionary<string, double> _results = new(StringComparer.Ordinal);
    private readonly List<CheckResult> _checks = [];

    /// <summary>The run's id.</summary>
    public string RunId { get; } = runId;
    /// <summary>Validated settings.</summary>
    public RunSettings Settings { get; } = settings;
    /// <summary>The device to train on.</summary>
    public DeviceInfo Device { get; } = device;
    /// <summary>Data and state folders.</summary>
    public LabPaths Paths { get; } = paths;
    /// <summary>Who started the run (a user id, or <see cref="RunOwners.Local"/>): what the run may read of their uploads.</summary>
    public string Owner { get; init; } = RunOwners.Local;
    /// <summary>Where the run keeps its models and galleries (default: files under <see cref="LabPaths.StateRoot"/>; a lab cluster's database).</summary>
    public IRunArtifactStore Artifacts { get; init; } = new DiskArtifactStore(paths);
    /// <summary>Cancelled when a user cancels the run.</summary>
    public CancellationToken Cancellation => reporter.Cancellation;
    /// <summary>Results so far (sent on <c>finished</c>).</summary>
    public IReadOnlyDictionary<string, double> Results => _results;
    /// <summary>Checks so far (sent on <c>finished</c>).</summary>
    public IReadOnlyList<CheckResult> Checks => _checks;

    /// <summary>Blocks while paused; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    public void Checkpoint() => reporter.Checkpoint();

    /// <summary>Reports a point (never dropped).</summary>
    public void Epoch(int epoch, long step, IReadOnlyDictionary<string, double> metrics) =>
        reporter.Publish(Partial(RunEventKinds.Epoch) with { Epoch = epoch, Step = step, Metrics = metrics });

    /// <summary>Reports per-batch metrics (may be coalesced or dropped under load).</summary>
    public void Batch(int epoch, long step, IReadOnlyDictionary<string, double> metrics) =>
        reporter.Publish(Partial(RunEventKinds.Batch) with { Epoch = epoch, Step = step, Metrics = metrics });

    /// <summary>Reports progress of a download or preprocessing phase (0..1).</summary>
    public void Progress(double fraction, LocalizableText message, IReadOnlyDictionary<string, double>? extra = null)
    {
        var metrics = new Dictionary<string, double>(extra ?? new Dictionary<string, double>()) { ["fraction"] = fraction };
        reporter.Publish(Partial(RunEventKinds.Progress) with { Metrics = metrics, Message = message.ToString(), MessageText = message });
    }

    /// <summary>A log line.</summary>
    public void Log(LocalizableText message) =>
        reporter.Publish(Partial(RunEventKinds.Log) with { Message = message.ToString(), MessageText = message });

    /// <summary>Stores an image and announces it.</summary>
    public void Image(string name, int epoch, byte[] bytes, string mime = "image/png")
    {
        reporter.StoreImage(name, epoch, mime, bytes);
        var image = new ImageRef(name, epoch, mime, ImageRef.UrlFor(RunId, name, epoch));
        reporter.Publish(Partial(RunEventKinds.Image) with { Epoch = epoch, Image = image });
    }

    /// <summary>Publishes a named payload for pages (histogram, fitted curve, confusion matrix…). Keep it small (a few KB).</summary>
    public void Data(string name, object payload, int? epoch = null) =>
        reporter.Publish(Partial(RunEventKinds.Data) with { Name = name, Data = payload, Epoch = epoch });

    /// <summary>Sets a result value.</summary>
    public void Result(string name, double value) => _results[name] = value;

    /// <summary>Records an answer check.</summary>
    public void Check(string name, bool passed, string detail) => _checks.Add(new CheckResult(name, passed, detail));

    /// <summary>Records an answer check whose name and detail pages show in their own language.</summary>
    public void Check(LocalizableText name, bool passed, LocalizableText detail) =>
        _checks.Add(new CheckResult(name.ToString(), passed, detail.ToString()) { NameText = name, DetailText = detail });

    private RunEvent Partial(string kind) => new() { Kind = kind, RunId = RunId, ProblemId = "" };
}
