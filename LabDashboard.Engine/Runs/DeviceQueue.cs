namespace LabDashboard.Engine.Runs;

/// <summary>
/// One training run on the device at a time; the others wait first-in first-out and are told
/// their place (1 = next) whenever the line moves. It only decides who goes next: the caller
/// launches the run it returns.
/// </summary>
internal sealed class DeviceQueue
{
    private readonly Lock _sync = new();
    private readonly List<LiveRun> _waiting = [];
    private LiveRun? _current;

    /// <summary>True when the device was free: <paramref name="run"/> has it now and is to be launched; else it waits at the back of the line.</summary>
    public bool Enqueue(LiveRun run)
    {
        lock (_sync)
        {
            if (_current is null)
            {
                _current = run;
                run.Queued(0);
                return true;
            }
            _waiting.Add(run);
            run.Queued(_waiting.Count);
            return false;
        }
    }

    /// <summary>Takes a waiting run out of the line. False when it is not waiting (already launched).</summary>
    public bool Remove(LiveRun run)
    {
        lock (_sync)
        {
            if (!_waiting.Remove(run)) return false;
            AnnouncePositions();
            return true;
        }
    }

    /// <summary>Frees the device after <paramref name="run"/>; returns the next in line, which has the device now and is to be launched.</summary>
    public LiveRun? Release(LiveRun run)
    {
        lock (_sync)
        {
            if (_current != run) return null;
            _current = null;
            if (_waiting.Count == 0) return null;
            _current = _waiting[0];
            _waiting.RemoveAt(0);
            AnnouncePositions();
            return _current;
        }
    }

    /// <summary>Empties the line (shutdown) and returns who was waiting.</summary>
    public IReadOnlyList<LiveRun> DrainWaiting()
    {
        lock (_sync)
        {
            var waiting = _waiting.ToList();
            _waiting.Clear();
            return waiting;
        }
    }

    private void AnnouncePositions()
    {
        for (var i = 0; i < _waiting.Count; i++) _waiting[i].Queued(i + 1);
    }
}
