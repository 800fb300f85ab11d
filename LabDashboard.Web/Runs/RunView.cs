using System.Text.Json;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Runs;

/// <summary>
/// What a page shows of one run, folded from its events in any order (each seq counts once; the
/// newest seq decides the status). Not thread-safe: <see cref="RunFeed"/> applies events on the
/// component's dispatcher.
/// </summary>
public sealed class RunView(string runId, string problemId)
{
    private readonly HashSet<long> _seen = [];
    private readonly SortedDictionary<int, IReadOnlyDictionary<string, double>> _points = [];
    private readonly Dictionary<string, JsonElement> _data = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _dataSeq = new(StringComparer.Ordinal);
    private readonly List<ImageRef> _images = [];
    private long _statusSeq;

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
    public string? Message { get; private set; }
    public double? Fraction { get; private set; }
    public string? Error { get; private set; }

    /// <summary>The seq of the payload of this name now held (0 when none): a cheap "did it change" key for pages.</summary>
    public long DataVersion(string name) => _dataSeq.GetValueOrDefault(name);

    public bool IsLive => Status is RunStatus.Queued or RunStatus.Running or RunStatus.Paused;

    /// <summary>Folds one event in; false when this seq was already seen.</summary>
    public bool Apply(RunEvent e)
    {
        if (e.RunId != RunId || !_seen.Add(e.Seq)) return false;
        LastSeq = Math.Max(LastSeq, e.Seq);
        ElapsedMs = Math.Max(ElapsedMs, e.ElapsedMs);
        if (e.Step is { } step) Step = Math.Max(Step ?? 0, step);
        switch (e.Kind)
        {
            case RunEventKinds.Epoch: ApplyEpoch(e); break;
            case RunEventKinds.Progress: Fraction = e.Metrics?.GetValueOrDefault("fraction"); Message = e.Message; break;
            case RunEventKinds.Log: Message = e.Message; break;
            case RunEventKinds.Image when e.Image is not null: _images.Add(e.Image); break;
            case RunEventKinds.Data when e.Name is not null: ApplyData(e); break;
            case RunEventKinds.Finished: ApplyFinished(e); break;
        }
        ApplyStatus(e);
        return true;
    }

    /// <summary>A finished run as stored (its epoch points, results, checks and status).</summary>
    public static RunView FromRecord(RunRecord record)
    {
        var view = new RunView(record.Summary.RunId, record.Summary.ProblemId);
        foreach (var e in record.EpochEvents) view.Apply(e);
        view.Results = record.Summary.Results;
        view.Checks = record.Summary.Checks;
        view.Status = record.Summary.Status;
        view.QueuePosition = record.Summary.QueuePosition;
        view.Error = record.Error;
        return view;
    }

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

    private void ApplyData(RunEvent e)
    {
        if (_dataSeq.TryGetValue(e.Name!, out var seq) && seq > e.Seq) return;
        _dataSeq[e.Name!] = e.Seq;
        _data[e.Name!] = LabJson.ToElement(e.Data);
    }

    private void ApplyFinished(RunEvent e)
    {
        Results = e.Results ?? Results;
        Checks = e.Checks ?? Checks;
        Error = e.Error ?? Error;
        Message = e.Message ?? Message;
    }

    private void ApplyStatus(RunEvent e)
    {
        if (e.Seq < _statusSeq) return;
        var status = StatusAfter(e);
        if (status is null) return;
        _statusSeq = e.Seq;
        Status = status.Value;
        QueuePosition = e.Kind == RunEventKinds.Queued ? e.QueuePosition : null;
    }

    private RunStatus? StatusAfter(RunEvent e) => e.Kind switch
    {
        RunEventKinds.Queued => RunStatus.Queued,
        RunEventKinds.Started or RunEventKinds.Resumed => RunStatus.Running,
        RunEventKinds.Paused => RunStatus.Paused,
        RunEventKinds.Finished => e.Outcome switch
        {
            RunOutcomes.Completed => RunStatus.Completed,
            RunOutcomes.Cancelled => RunStatus.Cancelled,
            RunOutcomes.Interrupted => RunStatus.Interrupted,
            _ => RunStatus.Failed,
        },
        RunEventKinds.Epoch or RunEventKinds.Batch or RunEventKinds.Progress when Status == RunStatus.Queued => RunStatus.Running,
        _ => null,
    };
}
