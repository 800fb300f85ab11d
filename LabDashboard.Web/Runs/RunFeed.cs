using System.Collections.Concurrent;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Runs;

/// <summary>
/// Keeps a <see cref="RunView"/> of one run up to date inside a component: live events come from
/// <see cref="IRunService.Subscribe"/>, earlier ones from the run's history; both are queued and
/// folded in on the component's dispatcher at most a few times a second. Create it after the first
/// render; dispose it with the component.
/// </summary>
public sealed class RunFeed : IAsyncDisposable
{
    private static readonly TimeSpan RenderInterval = TimeSpan.FromMilliseconds(200);

    private readonly ConcurrentQueue<RunEvent> _pending = new();
    private readonly Func<Action, Task> _invokeAsync;
    private readonly Action _changed;
    private readonly IDisposable _subscription;
    private readonly CancellationTokenSource _stop = new();
    private int _flushScheduled;
    private long _firstLiveSeq;

    /// <param name="runs">The run service.</param>
    /// <param name="initial">What is known already (e.g. <see cref="RunView.FromRecord"/>), or a new view.</param>
    /// <param name="invokeAsync">The component's <c>InvokeAsync</c>.</param>
    /// <param name="changed">Called on the dispatcher after events were folded in (e.g. <c>StateHasChanged</c>).</param>
    public RunFeed(IRunService runs, RunView initial, Func<Action, Task> invokeAsync, Action changed)
    {
        View = initial;
        _invokeAsync = invokeAsync;
        _changed = changed;
        _subscription = runs.Subscribe(OnEvent);
        _ = CatchUpAsync(runs, _stop.Token);
    }

    public RunView View { get; }

    public string RunId => View.RunId;

    private void OnEvent(RunEvent e)
    {
        if (e.RunId != View.RunId) return;
        Interlocked.CompareExchange(ref _firstLiveSeq, e.Seq, 0);
        _pending.Enqueue(e);
        ScheduleFlush(immediately: e.Kind == RunEventKinds.Finished);
    }

    /// <summary>Reads the history the subscription missed (data payloads, images, earlier points).</summary>
    private async Task CatchUpAsync(IRunService runs, CancellationToken cancellation)
    {
        try
        {
            await foreach (var e in runs.Watch(View.RunId, 0, cancellation))
            {
                _pending.Enqueue(e);
                ScheduleFlush(immediately: false);
                var firstLive = Interlocked.Read(ref _firstLiveSeq);
                if (e.Kind == RunEventKinds.Finished || (firstLive > 0 && e.Seq >= firstLive)) break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or UnknownRunException)
        {
        }
    }

    private void ScheduleFlush(bool immediately)
    {
        if (Interlocked.Exchange(ref _flushScheduled, 1) == 1) return;
        _ = FlushLaterAsync(immediately ? TimeSpan.Zero : RenderInterval);
    }

    private async Task FlushLaterAsync(TimeSpan delay)
    {
        try
        {
            if (delay > TimeSpan.Zero) await Task.Delay(delay, _stop.Token);
            Volatile.Write(ref _flushScheduled, 0);
            await _invokeAsync(Flush);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private void Flush()
    {
        if (_stop.IsCancellationRequested) return;
        var changed = false;
        while (_pending.TryDequeue(out var e)) changed |= View.Apply(e);
        if (changed) _changed();
    }

    public ValueTask DisposeAsync()
    {
        _subscription.Dispose();
        _stop.Cancel();
        _stop.Dispose();
        return ValueTask.CompletedTask;
    }
}
