using System.Collections.Concurrent;

namespace LabDashboard.Engine.Runs;

/// <summary>The runs held in memory: from <c>Start</c> until their <c>finished</c> event is stored.</summary>
internal sealed class LiveRuns
{
    private readonly ConcurrentDictionary<string, LiveRun> _runs = new(StringComparer.Ordinal);

    public IEnumerable<LiveRun> All => _runs.Values;

    public void Add(LiveRun run) => _runs[run.Id] = run;

    /// <summary>Adds the run unless a run of its id is held already.</summary>
    public bool TryAdd(LiveRun run) => _runs.TryAdd(run.Id, run);

    public bool TryGet(string runId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out LiveRun? run) => _runs.TryGetValue(runId, out run);

    public bool Contains(string runId) => _runs.ContainsKey(runId);

    /// <summary>Drops this run (not a newer one under the same id); false when it was not held.</summary>
    public bool Forget(LiveRun run) => _runs.TryRemove(new KeyValuePair<string, LiveRun>(run.Id, run));
}
