using System.Diagnostics;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs.Storage;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// A run while it is live: its state, its event history and watchers, and the reporter its
/// problem talks to. Every state change and event happens under one lock, so seqs, history and
/// what watchers see always agree.
/// </summary>
internal sealed class LiveRun(string id, IProblem problem, RunSettings settings, DateTimeOffset createdAt,
    RunServiceOptions options, RunImages images, Action<RunEvent> sink) : IRunReporter
{
    private readonly Lock _sync = new();
    private readonly List<RunEvent> _history = [];
    private readonly List<RunWatcher> _watchers = [];
    private readonly ManualResetEventSlim _notPaused = new(true);
    private readonly CancellationTokenSource _cancel = new();
    private readonly Stopwatch _clock = new();
    private readonly BatchThrottle _batches = new(options.BatchInterval);
    private long _seq;
    private RunStatus _status = RunStatus.Queued;
    private int? _queuePosition;
    private DateTimeOffset? _finishedAt;
    private IReadOnlyDictionary<string, double> _results = new Dictionary<string, double>();
    private IReadOnlyList<CheckResult> _checks = [];
    private string? _error;

    public string Id { get; } = id;
    public IProblem Problem { get; } = problem;
    public string ProblemId => Problem.Descriptor.Id;
    public bool Trains => Problem.Descriptor.Trains;
    public RunSettings Settings { get; } = settings;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public bool CancelRequested => _cancel.IsCancellationRequested;
    /// <summary>True when the service stopped the run because the process is shutting down.</summary>
    public bool StoppedByShutdown { get; private set; }
    public Thread? Thread { get; set; }

    public RunStatus Status { get { lock (_sync) return _status; } }
    public bool IsFinished { get { lock (_sync) return IsTerminal(_status); } }

    public CancellationToken Cancellation => _cancel.Token;

    public void Queued(int position)
    {
        lock (_sync)
        {
            if (_status != RunStatus.Queued || _queuePosition == position) return;
            _queuePosition = position;
            var message = position == 0 ? "Starting." : $"Waiting for the device: {position} ahead in the queue.";
            PublishLocked(NewEvent(RunEventKinds.Queued) with { QueuePosition = position, Message = message });
        }
    }

    public void Started(string device)
    {
        lock (_sync)
        {
            if (_status != RunStatus.Queued) return;
            _status = RunStatus.Running;
            _queuePosition = null;
            _clock.Start();
            PublishLocked(NewEvent(RunEventKinds.Started) with { Message = $"Running on {device}." });
        }
    }

    public bool Pause()
    {
        lock (_sync)
        {
            if (_status != RunStatus.Running || CancelRequested) return false;
            _status = RunStatus.Paused;
            _notPaused.Reset();
            PublishLocked(NewEvent(RunEventKinds.Paused));
            return true;
        }
    }

    public bool Resume()
    {
        lock (_sync)
        {
            if (_status != RunStatus.Paused || CancelRequested) return false;
            _status = RunStatus.Running;
            _notPaused.Set();
            PublishLocked(NewEvent(RunEventKinds.Resumed));
            return true;
        }
    }

    /// <summary>Asks the run's loop to stop at its next checkpoint. False when already finished.</summary>
    public bool RequestCancel(bool forShutdown)
    {
        lock (_sync)
        {
            if (IsTerminal(_status)) return false;
            StoppedByShutdown |= forShutdown;
        }
        _cancel.Cancel();
        return true;
    }

    /// <summary>Publishes <c>finished</c> once; later events are ignored.</summary>
    public void Finish(string outcome, IReadOnlyDictionary<string, double> results, IReadOnlyList<CheckResult> checks, string? error)
    {
        lock (_sync)
        {
            if (IsTerminal(_status)) return;
            _status = StatusOf(outcome);
            _queuePosition = null;
            _finishedAt = DateTimeOffset.UtcNow;
            _results = new Dictionary<string, double>(results);
            _checks = checks.ToList();
            _error = error;
            _clock.Stop();
            PublishLocked(NewEvent(RunEventKinds.Finished) with
            {
                Outcome = outcome, Results = _results, Checks = _checks, Error = error,
                Message = $"{outcome} after {_clock.Elapsed.TotalSeconds:F1} s",
            });
        }
        _notPaused.Set();
    }

    public void Publish(RunEvent partial)
    {
        if (partial.Data is not null) partial = partial with { Data = RunEventJson.Normalise(partial.Data) };
        lock (_sync) PublishLocked(partial);
    }

    public void StoreImage(string name, int epoch, string mime, byte[] bytes) => images.Write(Id, name, epoch, mime, bytes);

    public void Checkpoint()
    {
        _cancel.Token.ThrowIfCancellationRequested();
        if (!_notPaused.IsSet) _notPaused.Wait(_cancel.Token);
        _cancel.Token.ThrowIfCancellationRequested();
    }

    /// <summary>History after <paramref name="afterSeq"/>, plus a live watcher unless the run has finished — taken atomically.</summary>
    public (IReadOnlyList<RunEvent> Backlog, RunWatcher? Live) Attach(long afterSeq)
    {
        lock (_sync)
        {
            var backlog = _history.Where(e => e.Seq > afterSeq).ToList();
            if (IsTerminal(_status)) return (backlog, null);
            var watcher = new RunWatcher();
            _watchers.Add(watcher);
            return (backlog, watcher);
        }
    }

    public void Detach(RunWatcher watcher)
    {
        lock (_sync) _watchers.Remove(watcher);
    }

    public RunSummary Summary()
    {
        lock (_sync) return new RunSummary(Id, ProblemId, _status, CreatedAt, _finishedAt, _results, _checks, _queuePosition);
    }

    public IReadOnlyList<RunEvent> EpochEvents()
    {
        lock (_sync) return _history.Where(e => e.Kind == RunEventKinds.Epoch).ToList();
    }

    public string? Error { get { lock (_sync) return _error; } }

    private void PublishLocked(RunEvent partial)
    {
        if (IsTerminal(_status) && partial.Kind != RunEventKinds.Finished) return;
        var elapsedMs = _clock.ElapsedMilliseconds;
        if (partial.Kind == RunEventKinds.Batch && !_batches.Pass(elapsedMs)) return;
        var e = partial with { Seq = ++_seq, RunId = Id, ProblemId = ProblemId, ElapsedMs = elapsedMs };
        _history.Add(e);
        foreach (var watcher in _watchers) watcher.Offer(e);
        if (e.Kind == RunEventKinds.Finished) CompleteWatchers();
        sink(e);
    }

    private void CompleteWatchers()
    {
        foreach (var watcher in _watchers) watcher.Complete();
        _watchers.Clear();
    }

    private RunEvent NewEvent(string kind) => new() { Kind = kind, RunId = Id, ProblemId = ProblemId };

    internal static bool IsTerminal(RunStatus status) =>
        status is RunStatus.Completed or RunStatus.Cancelled or RunStatus.Failed or RunStatus.Interrupted;

    internal static RunStatus StatusOf(string outcome) => outcome switch
    {
        RunOutcomes.Completed => RunStatus.Completed,
        RunOutcomes.Cancelled => RunStatus.Cancelled,
        RunOutcomes.Interrupted => RunStatus.Interrupted,
        _ => RunStatus.Failed,
    };
}
