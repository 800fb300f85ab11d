using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LabDashboard.Engine.Devices;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs.Storage;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// The engine's <see cref="IRunService"/>: queues training runs one per device, runs each on its
/// own thread, keeps every run's event history and fans events out to watchers without ever
/// blocking a training loop, and keeps runs in SQLite (<c>State:Root/labdashboard.db</c>) so they
/// outlive the process. Dispose to stop live runs (they become <c>interrupted</c>) and flush.
/// Runs left live by a process that died are marked <c>interrupted</c> when the service starts.
/// </summary>
public sealed class RunService : IRunService, IDisposable
{
    private readonly ConcurrentDictionary<string, LiveRun> _live = new(StringComparer.Ordinal);
    private readonly DeviceInfo _device;
    private readonly LabPaths _paths;
    private readonly RunServiceOptions _options;
    private readonly RunImages _images;
    private readonly DeviceQueue _queue;
    private readonly EventFanout _fanout = new();
    private readonly RunStore _store;
    private int _disposed;

    /// <summary>Creates the service for a catalog, a device and the state folders.</summary>
    public RunService(ProblemCatalog catalog, DeviceInfo device, LabPaths paths)
        : this(catalog, device, paths, new RunServiceOptions())
    {
    }

    internal RunService(ProblemCatalog catalog, DeviceInfo device, LabPaths paths, RunServiceOptions options)
    {
        Catalog = catalog;
        _device = device;
        _paths = paths;
        _options = options;
        _images = new RunImages(paths);
        _queue = new DeviceQueue(Launch);
        _store = new RunStore(paths.StateRoot, ForgetStoredRun);
    }

    /// <inheritdoc />
    public ProblemCatalog Catalog { get; }

    /// <inheritdoc />
    public string Start(string problemId, JsonElement? settings)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var problem = Catalog.Find(problemId) ?? throw new UnknownProblemException(problemId);
        var bound = SettingsBinder.Bind(problem.Descriptor.Settings, settings, new SettingCheckContext(_paths));
        var run = new LiveRun(NewRunId(), problem, bound, DateTimeOffset.UtcNow, _options, _images, OnPublished);
        _store.InsertRun(new NewRunRow(run.Id, problemId, RunEventJson.Write(bound.Values), _device.Kind, RunEventJson.Write(VersionsOf(run)), run.CreatedAt));
        _live[run.Id] = run;
        if (run.Trains) _queue.Enqueue(run);
        else
        {
            run.Queued(0);
            Launch(run);
        }
        return run.Id;
    }

    /// <inheritdoc />
    public bool Cancel(string runId)
    {
        if (!_live.TryGetValue(runId, out var run)) return false;
        if (run.Trains && _queue.Remove(run))
        {
            run.Finish(RunOutcomes.Cancelled, new Dictionary<string, double>(), [], null);
            return true;
        }
        return run.RequestCancel(forShutdown: false);
    }

    /// <inheritdoc />
    public bool Pause(string runId) => _live.TryGetValue(runId, out var run) && run.Pause();

    /// <inheritdoc />
    public bool Resume(string runId) => _live.TryGetValue(runId, out var run) && run.Resume();

    /// <inheritdoc />
    public IAsyncEnumerable<RunEvent> Watch(string runId, long afterSeq, CancellationToken cancellationToken)
    {
        if (_live.TryGetValue(runId, out var run)) return WatchLive(run, afterSeq, cancellationToken);
        if (_store.Find(runId) is not null) return WatchStored(runId, afterSeq, cancellationToken);
        throw new UnknownRunException(runId);
    }

    /// <inheritdoc />
    public IDisposable Subscribe(Action<RunEvent> onEvent) => _fanout.Subscribe(onEvent);

    /// <inheritdoc />
    public IReadOnlyList<RunSummary> List(string? problemId = null)
    {
        var live = _live.Values.Where(r => problemId is null || r.ProblemId == problemId).Select(r => r.Summary()).ToList();
        var liveIds = live.Select(s => s.RunId).ToHashSet(StringComparer.Ordinal);
        var stored = _store.List(problemId).Where(r => !liveIds.Contains(r.Id)).Select(StoredRunViews.Summary);
        return live.Concat(stored).OrderByDescending(s => s.CreatedAt).ToList();
    }

    /// <inheritdoc />
    public RunRecord? Get(string runId)
    {
        if (_live.TryGetValue(runId, out var run))
            return new RunRecord(run.Summary(), run.Settings.Values, _device.Kind, VersionsOf(run), run.EpochEvents(), run.Error);
        return _store.Find(runId) is { } stored
            ? StoredRunViews.Record(stored, _store.Events(runId, 0, RunEventKinds.Epoch), Catalog)
            : null;
    }

    /// <inheritdoc />
    public bool Delete(string runId)
    {
        if (_live.TryGetValue(runId, out var run) && !run.IsFinished) return false;
        var deleted = _store.Delete(runId) | (run is not null && _live.TryRemove(runId, out _));
        if (deleted) _images.DeleteRun(runId);
        return deleted;
    }

    /// <inheritdoc />
    public (byte[] Bytes, string Mime)? GetImage(string runId, string name, int epoch) => _images.Read(runId, name, epoch);

    /// <summary>Stops live runs (they finish as <c>interrupted</c>) and releases everything.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        InterruptLiveRuns();
        _store.Dispose();
        _fanout.Dispose();
    }

    /// <summary>Waits until every event published so far is in the database.</summary>
    internal void Flush() => _store.Flush();

    private void InterruptLiveRuns()
    {
        foreach (var waiting in _queue.DrainWaiting()) FinishInterrupted(waiting);
        var running = _live.Values.Where(r => !r.IsFinished).ToList();
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
        run.Finish(RunOutcomes.Interrupted, new Dictionary<string, double>(), [], "The service stopped while the run was live.");

    private void OnPublished(RunEvent e)
    {
        _store.Append(e);
        _fanout.Enqueue(e);
    }

    /// <summary>Once a run's end is on disk its history is served from there, and memory is freed.</summary>
    private void ForgetStoredRun(string runId) => _live.TryRemove(runId, out _);

    private void Launch(LiveRun run)
    {
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
        var context = new RunContext(run.Id, run.Settings, _device, _paths, run);
        if (!run.CancelRequested)
        {
            run.Started(_device.Kind);
            var (outcome, error) = RunProblem(run, context, _device);
            run.Finish(outcome, context.Results, context.Checks, error);
        }
        else run.Finish(run.StoppedByShutdown ? RunOutcomes.Interrupted : RunOutcomes.Cancelled, context.Results, context.Checks, null);
        TrainingScaffold.CollectNativeGarbage();
        if (run.Trains) _queue.Release(run);
    }

    private IReadOnlyDictionary<string, string> VersionsOf(LiveRun run) =>
        RunVersions.Collect(_device.ThreadsFor(run.Problem.Descriptor));

    private static (string Outcome, string? Error) RunProblem(LiveRun run, RunContext context, DeviceInfo device)
    {
        try
        {
            using var threads = device.UseThreadsFor(run.Problem.Descriptor);
            run.Problem.Run(context);
            return (RunOutcomes.Completed, null);
        }
        catch (OperationCanceledException) when (run.CancelRequested)
        {
            return (run.StoppedByShutdown ? RunOutcomes.Interrupted : RunOutcomes.Cancelled, null);
        }
        catch (Exception ex)
        {
            context.Log(ex.ToString());
            return (RunOutcomes.Failed, ex.Message);
        }
    }

    private static async IAsyncEnumerable<RunEvent> WatchLive(LiveRun run, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (backlog, watcher) = run.Attach(afterSeq);
        try
        {
            foreach (var e in backlog)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return e;
            }
            if (watcher is null) yield break;
            await foreach (var e in watcher.Reader.ReadAllAsync(cancellationToken))
            {
                watcher.Delivered(e);
                if (e.Seq > afterSeq) yield return e;
            }
        }
        finally
        {
            if (watcher is not null) run.Detach(watcher);
        }
    }

    private async IAsyncEnumerable<RunEvent> WatchStored(string runId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var e in await Task.Run(() => _store.Events(runId, afterSeq), cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }
    }

    private static string NewRunId() => Guid.NewGuid().ToString("N")[..12];
}
