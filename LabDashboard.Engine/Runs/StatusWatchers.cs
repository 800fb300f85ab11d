using System.Collections.Immutable;

namespace LabDashboard.Engine.Runs;

/// <summary>The watchers of every run's status changes (<see cref="RunStates.StatusKinds"/>), fed by the pump.</summary>
internal sealed class StatusWatchers
{
    private ImmutableArray<RunWatcher> _watchers = [];

    public RunWatcher Attach()
    {
        var watcher = new RunWatcher(RunStates.StatusKinds);
        ImmutableInterlocked.Update(ref _watchers, list => list.Add(watcher));
        return watcher;
    }

    public void Detach(RunWatcher watcher) => ImmutableInterlocked.Update(ref _watchers, list => list.Remove(watcher));

    /// <summary>Offers the event to every status watcher; each takes only the status kinds.</summary>
    public void Offer(RunEvent e)
    {
        foreach (var watcher in _watchers) watcher.Offer(e);
    }

    /// <summary>Ends every status stream (the service is stopping).</summary>
    public void CompleteAll()
    {
        foreach (var watcher in ImmutableInterlocked.InterlockedExchange(ref _watchers, [])) watcher.Complete();
    }
}
