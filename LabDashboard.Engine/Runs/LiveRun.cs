using System.Globalization;
using System.Diagnostics;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Runs.Storage;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// A run while it is live: its state, its event history and watchers, and the reporter its
/// problem talks to. Each event gets its seq here and goes to the <see cref="RunEventPump"/>, which
/// stores it and then hands it back through <see cref="Deliver"/> to this run's watchers. One lock
/// covers state, history and watchers, so seqs, history and what watchers see always agree.
/// </summary>
internal sealed class LiveRun(string id, IProblem problem, RunSettings settings, string owner, DateTimeOffset createdAt,
    RunServiceOptions options, RunImages images, RunEventPump pump, RunMetrics metrics) : IRunReporter
{
    private readonly Lock _sync = new();

    /// <summary>The process that runs it (<see cref="RunSummary.Worker"/>).</summary>
    public string? Worker { get; init; }
    private readonly List<RunEvent> _history = [];
    private readonly List<RunWatcher> _watchers = [];
    private readonly ManualResetEventSlim _notPaused = new(true);
    private readonly CancellationTokenSource _cancel = new();
    private readonly Stopwatch _clock = new();
    private readonly BatchThrottle _batches = new(options.BatchInterval);
    private readonly RunImageBudget _imageBudget = new(options.MaxImagesPerRun);
    private bool _imagesRefused;
    private long _seq;
    private RunStatus _status = RunStatus.Queued;
    private int? _queuePosition;
    private DateTimeOffset? _finishedAt;
    private IReadOnlyDictionary<string, double> _results = new Dictionary<string, double>();
    private IReadOnlyList<CheckResult> _checks = [];
    private string? _error;
    private long _deliveredSeq;
    private long _lastEpochMs;
    private bool _deliveredFinished;
    private long _pauses;
    private DeviceHold _hold = DeviceHold.Holds;
    private RunLabel _label = RunLabel.None;
    private bool _handedOver;

    public string Id { get; } = id;
    public IProblem Problem { get; } = problem;
    public string ProblemId => Problem.Descriptor.Id;
    public bool Trains => Problem.Descriptor.Trains;
    public RunSettings Settings { get; } = settings;
    public string Owner { get; } = owner;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public bool CancelRequested => _cancel.IsCancellationRequested;
    /// <summary>True when the service stopped the run because the process is shutting down.</summary>
    public bool StoppedByShutdown { get; private set; }
    public Thread? Thread { get; set; }

    public RunStatus Status { get { lock (_sync) return _status; } }

    /// <summary>The user's name, notes and tags (the store keeps them too).</summary>
    public RunLabel Label
    {
        get { lock (_sync) return _label; }
        set { lock (_sync) _label = value; }
    }
    public bool IsFinished { get { lock (_sync) return _status.IsFinished(); } }

    public CancellationToken Cancellation => _cancel.Token;

    public void Queued(int position)
    {
        lock (_sync)
        {
            var rejoining = _status == RunStatus.Paused && _hold == DeviceHold.Rejoining;
            if ((_status != RunStatus.Queued && !rejoining) || _queuePosition == position) return;
            _queuePosition = position;
            var message = position == 0 ? RunTexts.Starting.Format() : RunTexts.Waiting.Format(position);
            PublishLocked(NewEvent(RunEventKinds.Queued) with { QueuePosition = position, Message = message.ToString(), MessageText = message });
        }
    }

    public void Started(string device)
    {
        lock (_sync)
        {
            if (_status != RunStatus.Queued) return;
            _queuePosition = null;
            _clock.Start();
            var message = RunTexts.Running.Format(device);
            PublishLocked(NewEvent(RunEventKinds.Started) with { Message = message.ToString(), MessageText = message });
        }
    }

    /// <summary>Pauses a running run at its next checkpoint; <paramref name="pause"/> numbers this pause for <see cref="ReleaseDeviceIfStillPaused"/>.</summary>
    public bool Pause(out long pause)
    {
        lock (_sync)
        {
            pause = ++_pauses;
            if (_status != RunStatus.Running || CancelRequested) return false;
            _notPaused.Reset();
            _clock.Stop();
            PublishLocked(NewEvent(RunEventKinds.Paused));
            return true;
        }
    }

    /// <summary>
    /// Resumes a paused run that still holds the device (<see cref="ResumeAnswer.Resumed"/>), or
    /// tells the caller to queue it for the device again (<see cref="ResumeAnswer.NeedsDevice"/>;
    /// <see cref="ResumeOnDevice"/> continues it once it has the device).
    /// </summary>
    public ResumeAnswer Resume()
    {
        lock (_sync)
        {
            if (_status != RunStatus.Paused || CancelRequested || _hold == DeviceHold.Rejoining) return ResumeAnswer.No;
            if (_hold == DeviceHold.Released)
            {
                _hold = DeviceHold.Rejoining;
                return ResumeAnswer.NeedsDevice;
            }
            ContinueLocked();
            return ResumeAnswer.Resumed;
        }
    }

    /// <summary>
    /// Gives up the device when the run is still in pause number <paramref name="pause"/> (it stays
    /// paused, its thread waiting at the checkpoint). True when the caller is to hand the device on.
    /// </summary>
    public bool ReleaseDeviceIfStillPaused(long pause, TimeSpan pausedFor)
    {
        lock (_sync)
        {
            if (_status != RunStatus.Paused || _pauses != pause || _hold != DeviceHold.Holds || CancelRequested) return false;
            _hold = DeviceHold.Released;
            PublishLocked(NewEvent(RunEventKinds.Log) with
            {
                Message = $"Paused for {pausedFor.TotalSeconds:0.#} s: the device goes to the next run in the queue; Resume waits for it again.",
            });
            return true;
        }
    }

    /// <summary>The device is back: a resumed run that had released it continues where it stopped.</summary>
    public void ResumeOnDevice()
    {
        lock (_sync)
        {
            if (_status.IsFinished() || _hold != DeviceHold.Rejoining) return;
            _queuePosition = null;
            ContinueLocked();
        }
    }

    private void ContinueLocked()
    {
        _hold = DeviceHold.Holds;
        _notPaused.Set();
        _clock.Start();
        PublishLocked(NewEvent(RunEventKinds.Resumed));
    }

    /// <summary>Asks the run's loop to stop at its next checkpoint. False when already finished.</summary>
    public bool RequestCancel(bool forShutdown)
    {
        lock (_sync)
        {
            if (_status.IsFinished()) return false;
            StoppedByShutdown |= forShutdown;
        }
        _cancel.Cancel();
        return true;
    }

    /// <summary>Publishes <c>finished</c> once; later events are ignored.</summary>
    public void Finish(RunOutcome outcome, IReadOnlyDictionary<string, double> results, IReadOnlyList<CheckResult> checks, LocalizableText? error)
    {
        lock (_sync)
        {
            if (_status.IsFinished()) return;
            _queuePosition = null;
            _finishedAt = DateTimeOffset.UtcNow;
            _results = new Dictionary<string, double>(results);
            _checks = checks.ToList();
            _error = error?.ToString();
            _clock.Stop();
            var message = RunTexts.FinishedAs(outcome).Format(_clock.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture));
            PublishLocked(NewEvent(RunEventKinds.Finished) with
            {
                Outcome = outcome, Results = _results, Checks = _checks, Error = _error, ErrorText = error,
                Message = message.ToString(), MessageText = message,
            });
        }
        _notPaused.Set();
    }

    public void Publish(RunEvent partial)
    {
        if (partial.Data is not null) partial = partial with { Data = RunEventJson.Normalise(partial.Data) };
        lock (_sync) PublishLocked(partial);
    }

    /// <summary>Stores an image within <see cref="RunServiceOptions.MaxImagesPerRun"/>, thinning older ones (see <see cref="RunImageBudget"/>).</summary>
    public void StoreImage(string name, int epoch, string mime, byte[] bytes)
    {
        if (!_imageBudget.Admit(name, epoch, out var evicted))
        {
            if (!_imagesRefused) Log($"This run has stored {options.MaxImagesPerRun} images, the most one run may keep; later ones are not stored.");
            _imagesRefused = true;
            return;
        }
        foreach (var (oldName, oldEpoch) in evicted) images.Delete(Id, oldName, oldEpoch);
        images.Write(Id, name, epoch, mime, bytes);
    }

    private void Log(string message) => Publish(NewEvent(RunEventKinds.Log) with { Message = message });

    public void Checkpoint()
    {
        _cancel.Token.ThrowIfCancellationRequested();
        if (!_notPaused.IsSet) _notPaused.Wait(_cancel.Token);
        _cancel.Token.ThrowIfCancellationRequested();
    }

    /// <summary>
    /// History after <paramref name="afterSeq"/> as far as it was delivered, plus a live watcher for
    /// the rest unless <c>finished</c> was delivered: taken atomically with <see cref="Deliver"/>.
    /// </summary>
    public (IReadOnlyList<RunEvent> Backlog, RunWatcher? Live) Attach(long afterSeq, IReadOnlySet<string>? kinds)
    {
        var watcher = new RunWatcher(kinds);
        lock (_sync)
        {
            var backlog = _history.Where(e => e.Seq > afterSeq && e.Seq <= _deliveredSeq && watcher.Wants(e.Kind)).ToList();
            if (_deliveredFinished || _handedOver) return (backlog, null);
            _watchers.Add(watcher);
            return (backlog, watcher);
        }
    }

    /// <summary>
    /// Takes up a run another worker handed over while it waited: its stored events become this run's
    /// history (delivered, since they are stored), and its next event follows the last of them.
    /// Call before the run is shared.
    /// </summary>
    public void Restore(IReadOnlyList<RunEvent> stored, RunLabel label)
    {
        lock (_sync)
        {
            _history.AddRange(stored);
            _seq = _deliveredSeq = stored.Count == 0 ? 0 : stored[^1].Seq;
            _label = label;
        }
    }

    /// <summary>
    /// The run went to another worker while it waited: it publishes nothing more here, and its
    /// watchers' streams end without <c>finished</c>, so they read on from where it went.
    /// </summary>
    public void HandedOver()
    {
        lock (_sync)
        {
            _handedOver = true;
            foreach (var watcher in _watchers) watcher.Complete();
            _watchers.Clear();
        }
    }

    /// <summary>Tells the run's watchers that it came here from another worker.</summary>
    public void TakenOver(string worker)
    {
        var message = RunTexts.MovedTo.Format(worker);
        Publish(NewEvent(RunEventKinds.Log) with { Message = message.ToString(), MessageText = message });
    }

    /// <summary>Called by the pump once <paramref name="e"/> is stored: hands it to the watchers.</summary>
    public void Deliver(RunEvent e)
    {
        lock (_sync)
        {
            _deliveredSeq = e.Seq;
            foreach (var watcher in _watchers) watcher.Offer(e);
            if (e.Kind != RunEventKinds.Finished) return;
            _deliveredFinished = true;
            foreach (var watcher in _watchers) watcher.Complete();
            _watchers.Clear();
        }
    }

    public void Detach(RunWatcher watcher)
    {
        lock (_sync) _watchers.Remove(watcher);
    }

    public RunSummary Summary()
    {
        lock (_sync)
            return new RunSummary(Id, ProblemId, _status, CreatedAt, _finishedAt, _results, _checks, _queuePosition, Owner)
            {
                Label = _label,
                Settings = Settings.Values,
                Worker = Worker,
            };
    }

    /// <summary>At most <paramref name="limit"/> delivered (so stored) events after <paramref name="afterSeq"/>.</summary>
    public IReadOnlyList<RunEvent> Delivered(long afterSeq, int limit)
    {
        lock (_sync) return _history.Where(e => e.Seq > afterSeq && e.Seq <= _deliveredSeq).Take(limit).ToList();
    }

    public IReadOnlyList<RunEvent> EpochEvents(int limit)
    {
        lock (_sync) return _history.Where(e => e.Kind == RunEventKinds.Epoch).Take(limit).ToList();
    }

    public string? Error { get { lock (_sync) return _error; } }

    private void PublishLocked(RunEvent partial)
    {
        if (_status.IsFinished() || _handedOver) return;
        var elapsedMs = _clock.ElapsedMilliseconds;
        if (partial.Kind == RunEventKinds.Batch && !_batches.Pass(elapsedMs)) return;
        var e = partial with { Seq = ++_seq, RunId = Id, ProblemId = ProblemId, ElapsedMs = elapsedMs };
        _status = RunStates.After(e) ?? _status;
        _history.Add(e);
        Measure(e);
        pump.Published(this, e);
    }

    private void Measure(RunEvent e)
    {
        if (e.Kind == RunEventKinds.Epoch)
        {
            metrics.EpochEnded(ProblemId, TimeSpan.FromMilliseconds(e.ElapsedMs - _lastEpochMs));
            _lastEpochMs = e.ElapsedMs;
        }
        else if (e is { Kind: RunEventKinds.Finished, Outcome: { } outcome }) metrics.Finished(ProblemId, outcome);
    }

    private RunEvent NewEvent(string kind) => new() { Kind = kind, RunId = Id, ProblemId = ProblemId };

    /// <summary>Whether a paused run still has the device, gave it up, or was resumed and waits in the queue for it.</summary>
    private enum DeviceHold { Holds, Released, Rejoining }
}

/// <summary>What <see cref="LiveRun.Resume"/> did.</summary>
internal enum ResumeAnswer
{
    /// <summary>Not paused (or already rejoining the queue).</summary>
    No,
    /// <summary>Running again.</summary>
    Resumed,
    /// <summary>The run had given the device up: queue it; it continues once it has the device.</summary>
    NeedsDevice,
}
