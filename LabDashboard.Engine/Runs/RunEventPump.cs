using System.Collections.Concurrent;
using LabDashboard.Engine.Runs.Storage;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// The one consumer of everything runs produce. Training threads and the service only enqueue;
/// one thread takes whatever has queued up, commits it to the store in one transaction, and only
/// then fans each event out: to its run's watchers, to the status feed, and — once a run's
/// <c>finished</c> is on disk — drops the run from the live table, so its history is served from
/// the store from then on. A watcher therefore sees an event only once it is stored (or storing it
/// failed: it is delivered anyway, so a full disk does not freeze a live page).
/// </summary>
internal sealed class RunEventPump : IDisposable
{
    private const int MaxBatch = 1000;
    private readonly BlockingCollection<Item> _queue = new(new ConcurrentQueue<Item>());
    private readonly RunStoreWriter _writer;
    private readonly LiveRuns _live;
    private readonly StatusWatchers _statuses;
    private readonly RunReadCache _lists;
    private readonly Thread _thread;

    public RunEventPump(RunStoreWriter writer, LiveRuns live, StatusWatchers statuses, RunReadCache lists)
    {
        _lists = lists;
        _writer = writer;
        _live = live;
        _statuses = statuses;
        _thread = new Thread(Pump) { IsBackground = true, Name = "LabDashboard run event pump" };
        _thread.Start();
    }

    /// <summary>Queues a new run's row (before any of its events).</summary>
    public void InsertRun(NewRunRow row) => Add(new NewRun(row));

    /// <summary>Queues an event a live run published: stored, then delivered. A status event has changed the run's summary already.</summary>
    public void Published(LiveRun run, RunEvent e)
    {
        if (RunStates.StatusKinds.Contains(e.Kind)) _lists.Invalidate();
        Add(new PublishedEvent(run, e));
    }

    /// <summary>Deletes a finished run's rows after everything queued before; true when a run was deleted.</summary>
    public Task<bool> DeleteAsync(string runId)
    {
        var delete = new DeleteRun(runId);
        Add(delete);
        return delete.Done.Task;
    }

    /// <summary>Stores a run's name, notes and tags after everything queued before; true when the run has a row.</summary>
    public Task<bool> RelabelAsync(string runId, RunLabel label)
    {
        var relabel = new RelabelRun(runId, label);
        Add(relabel);
        return relabel.Done.Task;
    }

    /// <summary>Waits until everything queued so far is stored and delivered.</summary>
    public void Flush()
    {
        var barrier = new Barrier();
        Add(barrier);
        barrier.Done.Task.GetAwaiter().GetResult();
    }

    /// <summary>Stores and delivers what is queued, then stops.</summary>
    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        _queue.Dispose();
        _writer.Dispose();
    }

    private void Add(Item item)
    {
        try { _queue.Add(item); }
        catch (InvalidOperationException) { item.Failed(new ObjectDisposedException(nameof(RunEventPump))); }
    }

    private void Pump()
    {
        var batch = new List<Item>();
        foreach (var first in _queue.GetConsumingEnumerable())
        {
            batch.Add(first);
            while (batch.Count < MaxBatch && _queue.TryTake(out var next)) batch.Add(next);
            var errors = _writer.Commit(batch);
            for (var i = 0; i < batch.Count; i++)
            {
                if (errors[i] is { } error) batch[i].Failed(error);
                else batch[i].Stored();
                if (batch[i] is PublishedEvent published) Deliver(published, stored: errors[i] is null);
            }
            batch.Clear();
        }
    }

    private void Deliver(PublishedEvent published, bool stored)
    {
        published.Run.Deliver(published.Event);
        _statuses.Offer(published.Event);
        if (stored && published.Event.Kind == RunEventKinds.Finished && _live.Forget(published.Run)) _lists.Invalidate();
    }

    private abstract class Item : IRunStoreChange
    {
        public abstract void Write(IRunStoreTransaction transaction);
        public virtual void Stored() { }
        public virtual void Failed(Exception error) { }
    }

    private sealed class NewRun(NewRunRow row) : Item
    {
        public override void Write(IRunStoreTransaction transaction) => transaction.InsertRun(row);
    }

    private sealed class PublishedEvent(LiveRun run, RunEvent e) : Item
    {
        public LiveRun Run { get; } = run;
        public RunEvent Event { get; } = e;
        public override void Write(IRunStoreTransaction transaction) => transaction.AppendEvent(Event, DateTimeOffset.UtcNow);
    }

    private sealed class DeleteRun(string runId) : Item
    {
        private bool _deleted;
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public override void Write(IRunStoreTransaction transaction) => _deleted = transaction.DeleteRun(runId);
        public override void Stored() => Done.TrySetResult(_deleted);
        public override void Failed(Exception error) => Done.TrySetException(error);
    }

    private sealed class RelabelRun(string runId, RunLabel label) : Item
    {
        private bool _updated;
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public override void Write(IRunStoreTransaction transaction) => _updated = transaction.Relabel(runId, label);
        public override void Stored() => Done.TrySetResult(_updated);
        public override void Failed(Exception error) => Done.TrySetException(error);
    }

    private sealed class Barrier : Item
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public override void Write(IRunStoreTransaction transaction) { }
        public override void Stored() => Done.TrySetResult();
        public override void Failed(Exception error) => Done.TrySetException(error);
    }
}
