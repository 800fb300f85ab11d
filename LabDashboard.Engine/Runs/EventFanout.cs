using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// Delivers every event to in-process subscribers on its own thread, in publish order, so a slow
/// or throwing subscriber never blocks or breaks a run.
/// </summary>
internal sealed partial class EventFanout : IDisposable
{
    private readonly ILogger _logger;
    private readonly BlockingCollection<RunEvent> _queue = new(new ConcurrentQueue<RunEvent>());
    private readonly Thread _thread;
    private ImmutableArray<Action<RunEvent>> _subscribers = [];

    public EventFanout(ILogger<EventFanout> logger)
    {
        _logger = logger;
        _thread = new Thread(Deliver) { IsBackground = true, Name = "LabDashboard run event fan-out" };
        _thread.Start();
    }

    public void Enqueue(RunEvent e)
    {
        try { _queue.TryAdd(e); }
        catch (InvalidOperationException) { /* shutting down: nobody is listening any more */ }
    }

    public IDisposable Subscribe(Action<RunEvent> onEvent)
    {
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(onEvent));
        return new Subscription(() => ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(onEvent)));
    }

    private void Deliver()
    {
        foreach (var e in _queue.GetConsumingEnumerable())
            foreach (var subscriber in _subscribers)
                Invoke(subscriber, e);
    }

    private void Invoke(Action<RunEvent> subscriber, RunEvent e)
    {
        try { subscriber(e); }
        catch (Exception ex) { SubscriberThrew(_logger, ex); }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A run event subscriber threw.")]
    private static partial void SubscriberThrew(ILogger logger, Exception exception);

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join(TimeSpan.FromSeconds(5));
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;
        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
