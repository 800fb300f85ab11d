using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.Texts;
using LabDashboard.Engine.Runs.Artifacts;
using LabDashboard.Engine.Runs.Storage;
using LabDashboard.Engine.Settings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// The engine's <see cref="IRunService"/>: queues training runs one per device
/// (<see cref="DeviceQueue"/>), runs each on its own thread, and sends every event a run
/// publishes through the one <see cref="RunEventPump"/>, which stores it in SQLite
/// (<c>State:Root/labdashboard.db</c>) and then hands it to watchers, so no training loop ever
/// waits for a watcher or the disk, and runs outlive the process. Dispose to stop live runs (they
/// become <c>interrupted</c>) and flush. Runs left live by a process that died are marked
/// <c>interrupted</c> when the service starts.
/// </summary>
public sealed partial class RunService : IRunService, IDisposable
{
    private readonly LiveRuns _live = new();
    private readonly DeviceInfo _device;
    private readonly LabPaths _paths;
    private readonly RunServiceOptions _options;
    private readonly RunImages _images;
    private readonly IRunArtifactStore _artifacts;
    private readonly DeviceQueue _queue = new();
    private readonly StatusWatchers _statuses = new();
    private readonly RunReadCache _lists = new();
    private readonly StoredSummaries _storedSummaries;
    private readonly RunQuotas _quotas;
    private readonly Lock _admission = new();
    private readonly IRunStore _store;
    private readonly RunEventPump _pump;
    private readonly RunMetrics _metrics;
    private int _disposed;

    /// <summary>Creates the service for a catalog, a device and the state folders; logs through <paramref name="loggers"/> when given.</summary>
    public RunService(ProblemCatalog catalog, DeviceInfo device, LabPaths paths, ILoggerFactory? loggers = null)
        : this(catalog, device, paths, new RunServiceOptions(), loggers)
    {
    }

    internal RunService(ProblemCatalog catalog, DeviceInfo device, LabPaths paths, RunServiceOptions options, ILoggerFactory? loggers = null, QuotaOptions? quotas = null)
        : this(catalog, device, paths, options, new RunStore(paths.StateRoot), loggers, quotas)
    {
    }

    /// <summary>
    /// Keeps its history in <paramref name="store"/> (SQLite under <c>State:Root</c> by default, PostgreSQL in a lab cluster)
    /// holds users to <paramref name="quotas"/> (none: the defaults), keeps images and models in
    /// <paramref name="artifacts"/> (none: files under <c>State:Root</c>); its <see cref="RunMetrics"/> are on a meter of
    /// <paramref name="meters"/> (none: a meter of its own).
    /// </summary>
    internal RunService(ProblemCatalog catalog, DeviceInfo device, LabPaths paths, RunServiceOptions options, IRunStore store, ILoggerFactory? loggers = null,
        QuotaOptions? quotas = null, IRunArtifactStore? artifacts = null, IMeterFactory? meters = null)
    {
        _artifacts = artifacts ?? new DiskArtifactStore(paths);
        _quotas = new RunQuotas(quotas ?? new QuotaOptions(), _artifacts, catalog);
        Catalog = catalog;
        _storedSummaries = new StoredSummaries(catalog);
        _device = device;
        _paths = paths;
        _options = options;
        _images = new RunImages(_artifacts);
        loggers ??= NullLoggerFactory.Instance;
        _store = store;
        _pump = new RunEventPump(_store.OpenWriter(loggers.CreateLogger<RunStoreWriter>()), _live, _statuses, _lists);
        _metrics = new RunMetrics(meters, _store.Worker ?? Environment.MachineName, () => _live.All.Select(r => r.Status));
    }

    /// <inheritdoc />
    public ProblemCatalog Catalog { get; }

    /// <inheritdoc />
    public Task<string> StartAsync(string problemId, JsonElement? settings, string owner)
    {
        try
        {
            return Task.FromResult(Start(NewRunId(), problemId, settings, owner));
        }
        catch (Exception e)
        {
            return Task.FromException<string>(e);
        }
    }

    /// <summary>Starts a run under an id chosen by the caller (a lab cluster's web front names a run before a worker starts it).</summary>
    internal string Start(string runId, string problemId, JsonElement? settings, string owner)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var problem = Catalog.Find(problemId) ?? throw new UnknownProblemException(problemId);
        var bound = SettingsBinder.Bind(problem.Descriptor.Settings, settings, new SettingCheckContext(_paths, owner));
        CheckImageCount(problem, bound);
        if (problem.Descriptor.SettingsLimit?.Invoke(bound) is { } passed)
            throw new SettingsValidationException([SettingsTexts.Setting.Format(passed.Setting, SettingsTexts.Refused.Format(passed.Problem))]);
        LiveRun run;
        // One admission at a time, so two submissions of one user cannot both pass a quota that has room for one.
        lock (_admission)
        {
            _quotas.Check(owner, problem, bound, _live.All.Where(r => r.Owner == owner && !r.IsFinished).ToList(), () => RunsOf(owner));
            run = new LiveRun(runId, problem, bound, owner, DateTimeOffset.UtcNow, _options, _images, _pump, _metrics) { Worker = _store.Worker };
            _pump.InsertRun(new NewRunRow(run.Id, problemId, owner, RunEventJson.Write(bound.Values), _device.Kind, RunEventJson.Write(VersionsOf(run)), run.CreatedAt));
            _live.Add(run);
        }
        if (!run.Trains) run.Queued(0);
        if (!run.Trains || _queue.Enqueue(run)) Launch(run);
        return run.Id;
    }

    /// <summary>Refuses settings that would make the run store more than <see cref="RunServiceOptions.MaxImagesPerRun"/> images, naming the setting.</summary>
    private void CheckImageCount(IProblem problem, RunSettings settings)
    {
        if (problem.Descriptor.Images is not { } estimate) return;
        var count = estimate.PerRun(settings);
        if (count <= _options.MaxImagesPerRun) return;
        throw new SettingsValidationException([SettingsTexts.TooManyImages.Format(
            estimate.Setting, count, _options.MaxImagesPerRun, $"{RunServiceOptions.Section}:{nameof(RunServiceOptions.MaxImagesPerRun)}")]);
    }

    /// <summary>Every run of <paramref name="owner"/>, live or stored: id and problem.</summary>
    private IEnumerable<(string RunId, string ProblemId)> RunsOf(string owner) =>
        _live.All.Where(r => r.Owner == owner).Select(r => (r.Id, r.ProblemId))
            .Concat(_store.List(new RunQuery(Owner: owner)).Select(r => (r.Id, r.ProblemId)))
            .Distinct();

    /// <inheritdoc />
    public Task<bool> CancelAsync(string runId) => Task.FromResult(Cancel(runId));

    private bool Cancel(string runId)
    {
        if (!_live.TryGet(runId, out var run)) return false;
        // A run that gave the device up while paused has a thread waiting at its checkpoint: it must be woken to end.
        if (run.Trains && _queue.Remove(run) && run.Thread is null)
        {
            run.Finish(RunOutcome.Cancelled, new Dictionary<string, double>(), [], null);
            return true;
        }
        return run.RequestCancel(forShutdown: false);
    }

    /// <inheritdoc />
    public Task<bool> PauseAsync(string runId) => Task.FromResult(Pause(runId));

    private bool Pause(string runId)
    {
        if (!_live.TryGet(runId, out var run) || !run.Pause(out var pause)) return false;
        if (run.Trains) _ = ReleaseDeviceAfterPause(run, pause);
        return true;
    }

    /// <inheritdoc />
    public Task<bool> ResumeAsync(string runId) => Task.FromResult(Resume(runId));

    private bool Resume(string runId)
    {
        if (!_live.TryGet(runId, out var run)) return false;
        var answer = run.Resume();
        if (answer == ResumeAnswer.NeedsDevice && _queue.Enqueue(run)) Launch(run);
        return answer != ResumeAnswer.No;
    }

    private async Task ReleaseDeviceAfterPause(LiveRun run, long pause)
    {
        await Task.Delay(_options.PauseReleaseAfter).ConfigureAwait(false);
        if (Volatile.Read(ref _disposed) != 0 || !run.ReleaseDeviceIfStillPaused(pause, _options.PauseReleaseAfter)) return;
        if (_queue.Release(run) is { } next) Launch(next);
    }

    /// <inheritdoc />
    public IAsyncEnumerable<RunEvent> Watch(string runId, long afterSeq, IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken)
    {
        var kindSet = RunWatcher.KindSet(kinds);
        if (_live.TryGet(runId, out var run)) return WatchLive(run, afterSeq, kindSet, cancellationToken);
        if (_store.Exists(runId)) return WatchStored(runId, afterSeq, kindSet, cancellationToken);
        throw new UnknownRunException(runId);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RunEvent> WatchStatuses([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var watcher = _statuses.Attach();
        try
        {
            await foreach (var e in watcher.ReadAllAsync(cancellationToken)) yield return e;
        }
        finally
        {
            _statuses.Detach(watcher);
        }
    }

    /// <inheritdoc />
    public bool Exists(string runId) => _live.Contains(runId) || _store.Exists(runId);

    /// <summary>True while the run is live in this service (queued, running, paused, or finished but not yet stored).</summary>
    internal bool IsLive(string runId) => _live.Contains(runId);

    /// <inheritdoc />
    public IReadOnlyList<RunSummary> List(RunQuery query) => _lists.List(query, Read);

    private IReadOnlyList<RunSummary> Read(RunQuery query)
    {
        // Live runs are few and their rows may still be on their way to the database: they are merged in here.
        var live = _live.All.Select(r => r.Summary()).Where(query.Matches).ToList();
        var liveIds = live.Select(s => s.RunId).ToHashSet(StringComparer.Ordinal);
        var stored = _store.List(query).Where(r => !liveIds.Contains(r.Id)).Select(_storedSummaries.Of);
        return live.Concat(stored)
            .OrderByDescending(s => s.CreatedAt.ToUnixTimeMilliseconds()).ThenByDescending(s => s.RunId, StringComparer.Ordinal)
            .Take(query.Limit).ToList();
    }

    /// <inheritdoc />
    public RunSummary? Summary(string runId) =>
        _live.TryGet(runId, out var run) ? run.Summary()
        : _store.Find(runId) is { } stored ? StoredRunViews.Summary(stored, Catalog) : null;

    /// <inheritdoc />
    public RunRecord? Get(string runId, int epochLimit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochLimit);
        var ask = OneMore(epochLimit);
        if (_live.TryGet(runId, out var run))
            return StoredRunViews.Limited(new RunRecord(run.Summary(), run.Settings.Values, _device.Kind, VersionsOf(run), run.EpochEvents(ask), run.Error, _store.Worker), epochLimit);
        return _lists.StoredRecord(runId, epochLimit, () => _store.Find(runId) is { } stored
            ? StoredRunViews.Record(stored, _store.Events(runId, 0, [RunEventKinds.Epoch], ask), Catalog, epochLimit)
            : null);
    }

    /// <summary>One event more than a page holds, which tells whether another page follows.</summary>
    internal static int OneMore(int limit) => limit == int.MaxValue ? limit : limit + 1;

    /// <inheritdoc />
    public RunEventPage? EventPage(string runId, long afterSeq, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var ask = OneMore(limit);
        RunSummary summary;
        IReadOnlyList<RunEvent> events;
        if (_live.TryGet(runId, out var run)) (events, summary) = (run.Delivered(afterSeq, ask), run.Summary());
        else if (_store.Find(runId) is { } stored) (summary, events) = (StoredRunViews.Summary(stored, Catalog), _store.Events(runId, afterSeq, limit: ask));
        else return null;
        return new RunEventPage(summary, events.Take(limit).ToList(), events.Count > limit);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string runId)
    {
        if (_live.TryGet(runId, out var run) && !run.IsFinished) return false;
        var problem = Catalog.Find(run?.ProblemId ?? _store.Find(runId)?.ProblemId ?? "");
        var deleted = await _pump.DeleteAsync(runId).ConfigureAwait(false) | (run is not null && _live.Forget(run));
        if (deleted) _lists.Invalidate();
        if (deleted) DeleteFiles(runId, problem);
        return deleted;
    }

    /// <inheritdoc />
    public async Task<RunSummary?> RelabelAsync(string runId, RunLabel label)
    {
        var live = _live.TryGet(runId, out var run);
        if (live) run!.Label = label;
        // Queued after the run's row: a run started a moment ago is labelled too.
        var stored = await _pump.RelabelAsync(runId, label).ConfigureAwait(false);
        if (live || stored) _lists.Invalidate();
        return live || stored ? Summary(runId) : null;
    }

    /// <summary>Every artifact the run wrote: its images and its folder in each of the problem's <see cref="ProblemDescriptor.RunFolders"/>.</summary>
    private void DeleteFiles(string runId, IProblem? problem)
    {
        foreach (var folder in RunQuotas.ArtifactFolders(runId, problem)) _artifacts.DeleteFolder(folder);
    }

    /// <inheritdoc />
    public (byte[] Bytes, string Mime)? GetImage(string runId, string name, int epoch) => _images.Read(runId, name, epoch);

    /// <summary>Stops live runs (they finish as <c>interrupted</c>) and releases everything.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        InterruptLiveRuns();
        _pump.Dispose();
        _store.CloseReaders();
        _statuses.CompleteAll();
        _metrics.Dispose();
    }

    /// <summary>Waits until every event published so far is in the database and delivered.</summary>
    internal void Flush() => _pump.Flush();

    private void InterruptLiveRuns()
    {
        foreach (var waiting in _queue.DrainWaiting().Where(r => r.Thread is null)) FinishInterrupted(waiting);
        var running = _live.All.Where(r => !r.IsFinished).ToList();
        foreach (var run in running) run.RequestCancel(forShutdown: true);
        var deadline = DateTime.UtcNow + _options.ShutdownGrace;
        foreach (var run in running)
        {
            var left = deadline - DateTime.UtcNow;
            if (run.Thread is { } thread && left > TimeSpan.Zero) thread.Join(left);
            FinishInterrupted(run);
        }
    }

    private static void FinishInterrupted(LiveRun run) =>
        run.Finish(RunOutcome.Interrupted, new Dictionary<string, double>(), [], RunTexts.ServiceStopped.Format());

    /// <summary>Gives <paramref name="run"/> the device: a new thread, or the waiting one of a run that gave the device up while paused.</summary>
    private void Launch(LiveRun run)
    {
        if (run.Thread is not null)
        {
            run.ResumeOnDevice();
            return;
        }
        var thread = new Thread(() => Execute(run), maxStackSize: 16 * 1024 * 1024)
        {
            IsBackground = true,
            Name = $"run {run.ProblemId} {run.Id}",
        };
        run.Thread = thread;
        thread.Start();
    }

    private void Execute(LiveRun run)
    {
        var context = new RunContext(run.Id, run.Settings, _device, _paths, run) { Owner = run.Owner, Artifacts = _artifacts };
        if (!run.CancelRequested)
        {
            run.Started(_device.Kind);
            var (outcome, error) = RunProblem(run, context, _device);
            run.Finish(outcome, context.Results, context.Checks, error);
        }
        else run.Finish(run.StoppedByShutdown ? RunOutcome.Interrupted : RunOutcome.Cancelled, context.Results, context.Checks, null);
        TrainingScaffold.CollectNativeGarbage();
        if (run.Trains && _queue.Release(run) is { } next) Launch(next);
    }

    private IReadOnlyDictionary<string, string> VersionsOf(LiveRun run) =>
        RunVersions.Collect(_device.ThreadsFor(run.Problem.Descriptor));

    private static (RunOutcome Outcome, LocalizableText? Error) RunProblem(LiveRun run, RunContext context, DeviceInfo device)
    {
        try
        {
            using var threads = device.UseThreadsFor(run.Problem.Descriptor);
            run.Problem.Run(context);
            return (RunOutcome.Completed, null);
        }
        catch (OperationCanceledException) when (run.CancelRequested)
        {
            return (run.StoppedByShutdown ? RunOutcome.Interrupted : RunOutcome.Cancelled, null);
        }
        catch (Exception ex)
        {
            context.Log(RunTexts.ExceptionLog.Format(ex.ToString()));
            return (RunOutcome.Failed, RunTexts.ErrorOf(ex));
        }
    }

    private static async IAsyncEnumerable<RunEvent> WatchLive(LiveRun run, long afterSeq, IReadOnlySet<string>? kinds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (backlog, watcher) = run.Attach(afterSeq, kinds);
        try
        {
            foreach (var e in backlog)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return e;
            }
            if (watcher is null) yield break;
            await foreach (var e in watcher.ReadAllAsync(cancellationToken))
                if (e.Seq > afterSeq) yield return e;
        }
        finally
        {
            if (watcher is not null) run.Detach(watcher);
        }
    }

    private async IAsyncEnumerable<RunEvent> WatchStored(string runId, long afterSeq, IReadOnlySet<string>? kinds, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var e in await Task.Run(() => _store.Events(runId, afterSeq, kinds), cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }
    }

    /// <summary>A new run id: 12 hex digits.</summary>
    internal static string NewRunId() => Guid.NewGuid().ToString("N")[..12];
}
