using System.Collections.Concurrent;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>
/// Summaries already made from stored rows, reused while the row reads back the same: a page of a
/// list then costs its query, not a JSON parse of every run's results and checks again.
/// </summary>
internal sealed class StoredSummaries(int capacity = 20_000)
{
    private readonly ConcurrentDictionary<string, (StoredRun Row, RunSummary Summary)> _summaries = new(StringComparer.Ordinal);

    public RunSummary Of(StoredRun row)
    {
        if (_summaries.TryGetValue(row.Id, out var known) && known.Row == row) return known.Summary;
        if (_summaries.Count >= capacity) _summaries.Clear();
        var summary = StoredRunViews.Summary(row);
        _summaries[row.Id] = (row, summary);
        return summary;
    }
}
