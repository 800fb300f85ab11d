using Microsoft.Extensions.Logging;

namespace LabDashboard.Engine.Runs.Storage;

/// <summary>
/// Where runs and their events are kept: SQLite under <c>State:Root</c> (<see cref="RunStore"/>, the
/// default) or, in a lab cluster, PostgreSQL. Changes go through the one writer
/// (<see cref="OpenWriter"/>); reads may run beside it.
/// </summary>
internal interface IRunStore
{
    /// <summary>The worker name new runs are written under (null for a store that only reads).</summary>
    string? Worker { get; }

    /// <summary>The writer (one per store; its owner is the only writer).</summary>
    RunStoreWriter OpenWriter(ILogger<RunStoreWriter> logger);

    /// <summary>The rows the query asks for, newest first (creation time, then id).</summary>
    IReadOnlyList<StoredRun> List(RunQuery query);

    /// <summary>The run's row, or null.</summary>
    StoredRun? Find(string runId);

    /// <summary>True when the run has a row; reads no events.</summary>
    bool Exists(string runId);

    /// <summary>The run's events with seq &gt; <paramref name="afterSeq"/>, optionally only of some kinds, in order, at most <paramref name="limit"/>.</summary>
    IReadOnlyList<RunEvent> Events(string runId, long afterSeq, IReadOnlyCollection<string>? kinds = null, int limit = int.MaxValue);

    /// <summary>Closes pooled read connections once nothing reads any more (the service stops).</summary>
    void CloseReaders();
}

/// <summary>Begins the writer's transactions.</summary>
internal interface IRunStoreTransactions : IDisposable
{
    IRunStoreTransaction Begin();
}

/// <summary>The changes a store can make, inside one transaction; disposing without <see cref="Commit"/> rolls back.</summary>
internal interface IRunStoreTransaction : IDisposable
{
    void InsertRun(NewRunRow row);

    /// <summary>Stores the event (once: a seq already stored is ignored) and moves the run's row along with it (status, start and finish times, outcome).</summary>
    void AppendEvent(RunEvent e, DateTimeOffset now);

    /// <summary>Deletes a finished run's row and events; false when there is no finished run of that id.</summary>
    bool DeleteRun(string runId);

    /// <summary>Sets the run's name, notes and tags; false when it has no row.</summary>
    bool Relabel(string runId, RunLabel label);

    void Commit();
}
