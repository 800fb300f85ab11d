namespace LabDashboard.Engine.Runs;

/// <summary>
/// One training run on the device at a time; the others wait and are told their place (1 = next)
/// whenever the line moves. Owners take turns: the next run is the oldest waiting run of the owner
/// served least recently, so one user's ten runs do not hold up another user's one (first-in
/// first-out within an owner). It only decides who goes next: the caller launches the run it returns.
/// </summary>
internal sealed class DeviceQueue
{
    private readonly Lock _sync = new();
    private readonly List<LiveRun> _waiting = [];
    private readonly Dictionary<string, long> _lastTurn = new(StringComparer.Ordinal);
    private long _turns;
    private LiveRun? _current;

    /// <summary>True when the device was free: <paramref name="run"/> has it now and is to be launched; else it waits for its owner's turn.</summary>
    public bool Enqueue(LiveRun run)
    {
        lock (_sync)
        {
            if (_current is null)
            {
                Serve(run);
                run.Queued(0);
                return true;
            }
            _waiting.Add(run);
            AnnouncePositions();
            return false;
        }
    }

    /// <summary>True when no run has the device and none waits for it.</summary>
    public bool IsFree
    {
        get { lock (_sync) return _current is null && _waiting.Count == 0; }
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
            var next = InTurnOrder()[0];
            _waiting.Remove(next);
            Serve(next);
            AnnouncePositions();
            return next;
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

    private void Serve(LiveRun run)
    {
        _current = run;
        _lastTurn[run.Owner] = ++_turns;
    }

    private void AnnouncePositions()
    {
        var order = InTurnOrder();
        for (var i = 0; i < order.Count; i++) order[i].Queued(i + 1);
    }

    /// <summary>The waiting runs in the order they will get the device, if nobody else arrives: turns played out owner by owner.</summary>
    private List<LiveRun> InTurnOrder()
    {
        var lines = _waiting.GroupBy(r => r.Owner, StringComparer.Ordinal)
            .Select(g => new OwnerLine(new Queue<LiveRun>(g), _lastTurn.GetValueOrDefault(g.Key)))
            .ToList();
        var order = new List<LiveRun>(_waiting.Count);
        var turn = _turns;
        while (order.Count < _waiting.Count)
        {
            // Ties (owners never served) go to the owner whose oldest waiting run came first: GroupBy keeps arrival order.
            var line = lines.Where(l => l.Runs.Count > 0).MinBy(l => l.LastTurn)!;
            order.Add(line.Runs.Dequeue());
            line.LastTurn = ++turn;
        }
        return order;
    }

    private sealed class OwnerLine(Queue<LiveRun> runs, long lastTurn)
    {
        public Queue<LiveRun> Runs { get; } = runs;
        public long LastTurn { get; set; } = lastTurn;
    }
}
