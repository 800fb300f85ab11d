using System.Collections.Concurrent;

namespace LabDashboard.Web.Runs;

/// <summary>
/// The one way a component follows a stream of the run service: items are read off the circuit,
/// queued, and folded in on the component's dispatcher at most once per interval (or at once when
/// <c>urgent</c> says so), followed by one <c>changed</c> call. Create it after the first render;
/// dispose it with the component.
/// </summary>
public sealed class ThrottledFeed<T> : IAsyncDisposable
{
    private readonly ConcurrentQueue<T> _pending = new();
    private readonly Func<Action, Task> _invokeAsync;
    private readonly Func<T, bool> _apply;
    private readonly Action _changed;
    private readonly TimeSpan _interval;
    private readonly Func<T, bool> _urgent;
    private readonly CancellationTokenSource _stop = new();
    private int _flushScheduled;

    /// <param name="open">Opens the stream (called once, off the dispatcher).</param>
    /// <param name="invokeAsync">The component's <c>InvokeAsync</c>.</param>
    /// <param name="apply">Folds one item in, on the dispatcher; true when something changed.</param>
    /// <param name="changed">Called on the dispatcher after items changed something (e.g. <c>StateHasChanged</c>).</param>
    /// <param name="interval">At most one flush per interval.</param>
    /// <param name="urgent">Items that are flushed without waiting (e.g. <c>finished</c>).</param>
    public ThrottledFeed(Func<CancellationToken, IAsyncEnumerable<T>> open, Func<Action, Task> invokeAsync,
        Func<T, bool> apply, Action changed, TimeSpan interval, Func<T, bool>? urgent = null)
    {
        _invokeAsync = invokeAsync;
        _apply = apply;
        _changed = changed;
        _interval = interval;
        _urgent = urgent ?? (_ => false);
        Completion = Task.Run(() => ReadAsync(open, _stop.Token));
    }

    /// <summary>Ends when the stream ends or the feed is disposed (a missing run ends it quietly).</summary>
    public Task Completion { get; }

    private async Task ReadAsync(Func<CancellationToken, IAsyncEnumerable<T>> open, CancellationToken cancellation)
    {
        try
        {
            await foreach (var item in open(cancellation).WithCancellation(cancellation))
            {
                _pending.Enqueue(item);
                ScheduleFlush(_urgent(item));
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or Engine.Runs.UnknownRunException)
        {
        }
    }

    private void ScheduleFlush(bool immediately)
    {
        if (immediately)
        {
            _ = FlushAsync(TimeSpan.Zero);
            return;
        }
        if (Interlocked.Exchange(ref _flushScheduled, 1) == 1) return;
        _ = FlushAsync(_interval);
    }

    private async Task FlushAsync(TimeSpan delay)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _stop.Token);
                Volatile.Write(ref _flushScheduled, 0);
            }
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
        while (_pending.TryDequeue(out var item)) changed |= _apply(item);
        if (changed) _changed();
    }

    /// <summary>Stops reading and flushing; does not wait for a read in progress (e.g. a long history from the store).</summary>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _ = Completion.ContinueWith(_ => _stop.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
    }
}
