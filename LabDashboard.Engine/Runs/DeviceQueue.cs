namespace LabDashboard.Engine.Runs;

/// <summary>
/// One training run on the device at a time; the others wait first-in first-out and are told
/// their place (1 = next) whenever the line moves.
/// </summary>
internal sealed class DeviceQueue(Action<LiveRun> launch)
{
    private readonly Lock _sync = new();
    private readonly List<LiveRun> _waiting = [];
    private LiveRun? _current;

    /// <summary>Launches the run now when the device is free, else puts it at the back of the line.</summary>
    public void Enqueue(LiveRun run)
    {
        lock (_sync)
        {
            if (_current is null)
            {
                _current = run;
                run.Queued(0);
                launch(run);
                return;
            }
            _waiting.Add(run);
            run.Queued(_waiting.Count);
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

    /// <summary>Frees the device after <paramref name="run"/> and launches the next in line.</summary>
    public void Release(LiveRun run)
    {
        lock (_sync)
        {
            if (_current != run) return;
            _current = null;
            if (_waiting.Count == 0) return;
            _current = _waiting[0];
            _waiting.RemoveAt(0);
            launch(_current);
            AnnouncePositions();
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
