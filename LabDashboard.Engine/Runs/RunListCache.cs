using System.Collections.Concurrent;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// Run lists already read, per query, until a listed run may have changed: many clients polling
/// the same page (a class's dashboards) then share one read instead of one database query and one
/// JSON parse per summary each. <see cref="Invalidate"/> is called whenever a summary can change (a
/// status event is published, a run leaves the live table, a run is deleted); a list read while
/// something changed is kept under the old version and never served again.
/// </summary>
internal sealed class RunListCache(int capacity = 256)
{
    private readonly ConcurrentDictionary<(RunQuery Query, long Version), Lazy<IReadOnlyList<RunSummary>>> _lists = new();
    private long _version;

    /// <summary>The list for <paramref name="query"/>: cached, or read once by <paramref name="read"/> however many ask at the same time.</summary>
    public IReadOnlyList<RunSummary> Get(RunQuery query, Func<RunQuery, IReadOnlyList<RunSummary>> read)
    {
        var key = (query, Interlocked.Read(ref _version));
        if (!_lists.TryGetValue(key, out var list))
        {
            // Count takes every lock of the dictionary: only a miss pays for it.
            if (_lists.Count >= capacity) _lists.Clear();
            list = _lists.GetOrAdd(key, k => new Lazy<IReadOnlyList<RunSummary>>(() => read(k.Query)));
        }
        try
        {
            return list.Value;
        }
        catch
        {
            // A failed read (a busy database) is not kept: the next caller reads again.
            _lists.TryRemove(new KeyValuePair<(RunQuery, long), Lazy<IReadOnlyList<RunSummary>>>(key, list));
            throw;
        }
    }

    /// <summary>Forgets every list: a run's summary may have changed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _lists.Clear();
    }
}
