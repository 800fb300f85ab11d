using System.Collections.Concurrent;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// What readers of the run history ask for again and again, kept until a run may have changed: run lists
/// per query (many clients polling the same page, a class's dashboards, share one read instead of one
/// database query and one JSON parse per summary each) and finished runs' records (many scripts reading
/// one long run share one read of its events). <see cref="Invalidate"/> is called whenever a summary can
/// change (a status event is published, a run leaves the live table, a run is relabelled or deleted); a
/// value read while something changed is kept under the old version and never served again.
/// </summary>
internal sealed class RunReadCache(int listCapacity = 256, int recordCapacity = 16)
{
    private readonly ConcurrentDictionary<(RunQuery Query, long Version), Lazy<IReadOnlyList<RunSummary>>> _lists = new();
    private readonly ConcurrentDictionary<(string RunId, int EpochLimit, long Version), Lazy<RunRecord?>> _records = new();
    private long _version;

    /// <summary>The list for <paramref name="query"/>: cached, or read once by <paramref name="read"/> however many ask at the same time.</summary>
    public IReadOnlyList<RunSummary> List(RunQuery query, Func<RunQuery, IReadOnlyList<RunSummary>> read) =>
        Get(_lists, listCapacity, (Query: query, Version: Interlocked.Read(ref _version)), key => read(key.Query));

    /// <summary>
    /// A run's record with at most <paramref name="epochLimit"/> epoch events, cached or read once by
    /// <paramref name="read"/>; only for a run that is no longer live (its record changes only by what invalidates).
    /// </summary>
    public RunRecord? StoredRecord(string runId, int epochLimit, Func<RunRecord?> read) =>
        Get(_records, recordCapacity, (runId, epochLimit, Interlocked.Read(ref _version)), _ => read());

    private static TValue Get<TKey, TValue>(ConcurrentDictionary<TKey, Lazy<TValue>> cache, int capacity, TKey key, Func<TKey, TValue> read)
        where TKey : notnull
    {
        if (!cache.TryGetValue(key, out var value))
        {
            // Count takes every lock of the dictionary: only a miss pays for it.
            if (cache.Count >= capacity) cache.Clear();
            value = cache.GetOrAdd(key, k => new Lazy<TValue>(() => read(k)));
        }
        try
        {
            return value.Value;
        }
        catch
        {
            // A failed read (a busy database) is not kept: the next caller reads again.
            cache.TryRemove(new KeyValuePair<TKey, Lazy<TValue>>(key, value));
            throw;
        }
    }

    /// <summary>Forgets every list and record: a run's summary may have changed.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _lists.Clear();
        _records.Clear();
    }
}
