namespace LabDashboard.Engine.Runs;

/// <summary>
/// Keeps one run's image count at or under a cap: past it, the image name with the most epochs
/// kept loses every other one of them (its latest always stays), so a long run keeps images spread
/// over its whole length. Used by the run's own thread only.
/// </summary>
internal sealed class RunImageBudget(int cap)
{
    private readonly Dictionary<string, SortedSet<int>> _kept = new(StringComparer.Ordinal);
    private int _count;

    /// <summary>
    /// Admits the image <paramref name="name"/> at <paramref name="epoch"/>; <paramref name="evicted"/> are
    /// kept images to delete first. False when nothing can be thinned (every name has one image): drop it.
    /// </summary>
    public bool Admit(string name, int epoch, out IReadOnlyList<(string Name, int Epoch)> evicted)
    {
        evicted = [];
        if (!_kept.TryGetValue(name, out var epochs)) _kept[name] = epochs = [];
        if (epochs.Contains(epoch)) return true;
        if (_count >= cap)
        {
            evicted = Thin();
            if (evicted.Count == 0) return false;
        }
        epochs.Add(epoch);
        _count++;
        return true;
    }

    private List<(string Name, int Epoch)> Thin()
    {
        var (name, epochs) = _kept.MaxBy(p => p.Value.Count);
        if (epochs.Count < 2) return [];
        var latest = epochs.Max;
        var dropped = epochs.Where((e, i) => i % 2 == 1 && e != latest).ToList();
        if (dropped.Count == 0) dropped = [epochs.Min];
        foreach (var epoch in dropped) epochs.Remove(epoch);
        _count -= dropped.Count;
        return dropped.Select(e => (name, e)).ToList();
    }
}
