using System.Text.Json;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Runs;

/// <summary>
/// What a page shows of one run, folded from its events in seq order (an event at or below
/// <see cref="LastSeq"/> is ignored). Not thread-safe: <see cref="RunFeed"/> applies events on the
/// component's dispatcher.
/// </summary>
public sealed class RunView(string runId, string problemId)
{
    /// <summary>Per-batch points kept for sparklines; beyond it every other older point is dropped.</summary>
    public const int MaxBatchPoints = 600;

    private readonly List<BatchPoint> _batches = [];
    private readonly SortedDictionary<int, IReadOnlyDictionary<string, double>> _points = [];
    private readonly Dictionary<string, JsonElement> _data = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _dataSeq = new(StringComparer.Ordinal);
    private readonly List<ImageRef> _images = [];

    public string RunId { get; } = runId;
    public string ProblemId { get; } = problemId;
    public RunStatus Status { get; private set; } = RunStatus.Queued;
    public int? QueuePosition { get; private set; }
    public int? Epoch { get; private set; }
    public long? Step { get; private set; }
    public long ElapsedMs { get; private set; }
    public long LastSeq { get; private set; }
    public IReadOnlyDictionary<string, double> Metrics { get; private set; } = new Dictionary<string, double>();
    public IReadOnlyDictionary<int, IReadOnlyDictionary<string, double>> Points => _points;
    public IReadOnlyDictionary<string, double> Results { get; private set; } = new Dictionary<string, double>();
    public IReadOnlyList<CheckResult> Checks { get; private set; } = [];
    public IReadOnlyDictionary<string, JsonElement> Data => _data;
    public IReadOnlyList<ImageRef> Images => _images;
    /// <summary>Per-batch metrics (step and metrics), thinned to at most <see cref="MaxBatchPoints"/>.</summary>
    public IReadOnlyList<BatchPoint> Batches => _batches;
    public string? Message { get; private set; }
    /// <summary><see cref="Message"/> as a key and arguments; null on older runs.</summary>
    public LocalizableText? MessageText { get; private set; }
    public double? Fraction { get; private set; }
    public string? Error { get; private set; }
    /// <summary><see cref="Error"/> as a key and arguments; null on older runs and before the run's <c>finished</c> event is read.</summary>
    public LocalizableText? ErrorText { get; private set; }

    /// <summary>
    /// The settings this run was started with, in form shape (<see cref="SettingsValues"/>), when the
    /// page knows them: the page shows these, never the form's draft, beside the run.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? Settings { get; init; }

    /// <summary>The seq of the payload of this name now held (0 when none): a cheap "did it change" key for pages.</summary>
    public long DataVersion(string name) => _dataSeq.GetValueOrDefault(name);

    public bool IsLive => Status.IsLive();

    /// <summary>Folds one event in; false when it is of another run or not after <see cref="LastSeq"/>.</summary>
    public bool Apply(RunEvent e)
    {
        if (e.RunId != RunId || e.Seq <= LastSeq) return false;
        LastSeq = e.Seq;
        ElapsedMs = Math.Max(ElapsedMs, e.ElapsedMs);
        if (e.Step is { } step) Step = Math.Max(Step ?? 0, step);
        switch (e.Kind)
        {
            case RunEventKinds.Epoch: ApplyEpoch(e); break;
            case RunEventKinds.Batch when e.Metrics is not null: ApplyBatch(e); break;
            case RunEventKinds.Progress: Fraction = e.Metrics?.GetValueOrDefault("fraction"); ApplyMessage(e); break;
            case RunEventKinds.Log: ApplyMessage(e); break;
            case RunEventKinds.Image when e.Image is not null: _images.Add(e.Image); break;
            case RunEventKinds.Data when e.Name is not null: ApplyData(e); break;
            case RunEventKinds.Finished: ApplyFinished(e); break;
        }
        ApplyStatus(e);
        return true;
    }

    /// <summary>
    /// A run as the service lists it (status, results, checks, error), before any event: a feed
    /// from <see cref="LastSeq"/> 0 then fills in its points, payloads and images. A finished run's
    /// status stays as listed while its history replays.
    /// </summary>
    public static RunView FromSummary(RunSummary summary, string? error = null, IReadOnlyDictionary<string, object?>? settings = null) =>
        new(summary.RunId, summary.ProblemId)
        {
            Settings = settings,
            Results = summary.Results,
            Checks = summary.Checks,
            Status = summary.Status,
            QueuePosition = summary.QueuePosition,
            Error = error,
        };

    private void ApplyEpoch(RunEvent e)
    {
        if (e.Epoch is not { } epoch || e.Metrics is null) return;
        _points[epoch] = e.Metrics;
        if (epoch >= (Epoch ?? int.MinValue))
        {
            Epoch = epoch;
            Metrics = e.Metrics;
        }
    }

    private void ApplyBatch(RunEvent e)
    {
        _batches.Add(new BatchPoint(e.Step ?? _batches.Count, e.Metrics!));
        if (_batches.Count <= MaxBatchPoints) return;
        for (var i = _batches.Count - 2; i > 0; i -= 2) _batches.RemoveAt(i);
    }

    private void ApplyData(RunEvent e)
    {
        _dataSeq[e.Name!] = e.Seq;
        _data[e.Name!] = LabJson.ToElement(e.Data);
    }

    private void ApplyFinished(RunEvent e)
    {
        Results = e.Results ?? Results;
        Checks = e.Checks ?? Checks;
        if (e.Error is not null) (Error, ErrorText) = (e.Error, e.ErrorText);
        if (e.Message is not null) ApplyMessage(e);
    }

    private void ApplyMessage(RunEvent e) => (Message, MessageText) = (e.Message, e.MessageText);

    private void ApplyStatus(RunEvent e)
    {
        if (Status.IsFinished() || RunStates.After(e) is not { } status) return;
        Status = status;
        QueuePosition = e.Kind == RunEventKinds.Queued ? e.QueuePosition : null;
    }
}

/// <summary>One batch event's step and metrics.</summary>
public sealed record BatchPoint(long Step, IReadOnlyDictionary<string, double> Metrics);
