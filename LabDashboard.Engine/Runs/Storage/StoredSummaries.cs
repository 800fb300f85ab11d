using System.Collections.Concurrent;
using LabDashboard.Engine.Problems;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>
/// Summaries already made from stored rows, reused while the row reads back the same: a page of a
/// list then costs its query, not a JSON parse of every run's results and checks again.
/// </summary>
internal sealed class StoredSummaries(ProblemCatalog catalog, int capacity = 20_000)
{
    private readonly ConcurrentDictionary<string, (StoredRun Row, RunSummary Summary)> _summaries = new(StringComparer.Ordinal);
    // ConcurrentDictionary.Count takes every lock; this one is close enough to bound the memory.
    private int _count;

    public RunSummary Of(StoredRun row)
    {
        if (_summaries.TryGetValue(row.Id, out var known) && known.Row == row) return known.Summary;
        if (Volatile.Read(ref _count) >= capacity)
        {
            _summaries.Clear();
            Volatile.Write(ref _count, 0);
        }
        var summary = StoredRunViews.Summary(row, catalog);
        if (_summaries.TryAdd(row.Id, (row, summary))) Interlocked.Increment(ref _count);
        else _summaries[row.Id] = (row, summary);
        return summary;
    }
}
