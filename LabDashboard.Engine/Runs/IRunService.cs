using System.Text.Json;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// Owns runs: queueing (one training run per device), pause/resume/cancel, event history and
/// fan-out to watchers, persistence. Safe to call from any thread; never blocks on training. The
/// methods that start and steer runs are asynchronous because in a lab cluster they reach a worker
/// silo; a single process completes them at once. Their errors come in the returned task.
/// </summary>
public interface IRunService
{
    /// <summary>The problems that can be run.</summary>
    ProblemCatalog Catalog { get; }

    /// <summary>Validates settings and queues a run for <paramref name="owner"/> (a user id, or <see cref="RunOwners.Local"/>); returns its id.</summary>
    /// <exception cref="UnknownProblemException">No such problem.</exception>
    /// <exception cref="QuotaExceededException">The owner has reached a quota.</exception>
    /// <exception cref="Settings.SettingsValidationException">Bad settings (every bad name listed).</exception>
    Task<string> StartAsync(string problemId, JsonElement? settings, string owner);

    /// <summary>Cancels a queued, running or paused run. False when unknown or already finished.</summary>
    Task<bool> CancelAsync(string runId);

    /// <summary>Pauses a running run at its next checkpoint. False when not running.</summary>
    Task<bool> PauseAsync(string runId);

    /// <summary>Resumes a paused run. False when not paused.</summary>
    Task<bool> ResumeAsync(string runId);

    /// <summary>
    /// The one way to read a run: its events with <c>Seq &gt; afterSeq</c>, history first, then
    /// live, ending when the run has finished. Only events of <paramref name="kinds"/> when given
    /// (e.g. <c>epoch</c> and <c>finished</c>). Resuming with the last seen seq gives no gaps and
    /// no duplicates. Events come once they are stored.
    /// </summary>
    /// <exception cref="UnknownRunException">No such run (thrown by the call, before any enumeration).</exception>
    IAsyncEnumerable<RunEvent> Watch(string runId, long afterSeq, IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken);

    /// <summary>
    /// Status changes of every run from now on (kinds <see cref="RunStates.StatusKinds"/>: queued,
    /// started, paused, resumed, finished), for lists; ends with the cancellation or the service.
    /// </summary>
    IAsyncEnumerable<RunEvent> WatchStatuses(CancellationToken cancellationToken);

    /// <summary>True when a run with this id is live or stored; reads no events.</summary>
    bool Exists(string runId);

    /// <summary>Runs, newest first (creation time, then id), as the query says: of one problem, a page at a time.</summary>
    IReadOnlyList<RunSummary> List(RunQuery query);

    /// <summary>One run's summary (its row: reads no events), or null.</summary>
    RunSummary? Summary(string runId);

    /// <summary>
    /// One run with its first <paramref name="epochLimit"/> epoch events (<see cref="RunRecord.More"/> when more
    /// are stored), or null. Reads only those events, however long the run.
    /// </summary>
    RunRecord? Get(string runId, int epochLimit);

    /// <summary>
    /// The run's summary and at most <paramref name="limit"/> of its events (every kind) with
    /// <c>Seq &gt; afterSeq</c>, as far as they are stored; null when the run is unknown. Reads only
    /// that page, however long the run.
    /// </summary>
    RunEventPage? EventPage(string runId, long afterSeq, int limit);

    /// <summary>Deletes a finished run and its images. False when unknown or still live.</summary>
    Task<bool> DeleteAsync(string runId);

    /// <summary>Gives a run (live or finished) a new name, notes and tags; its summary with them, or null when no run has this id.</summary>
    Task<RunSummary?> RelabelAsync(string runId, RunLabel label);

    /// <summary>A stored image's bytes and mime type, or null.</summary>
    (byte[] Bytes, string Mime)? GetImage(string runId, string name, int epoch);
}

/// <summary>Shorthands over <see cref="IRunService"/>.</summary>
public static class RunServiceExtensions
{
    /// <summary>Queues a run owned by <see cref="RunOwners.Local"/> (the single user of a loopback server).</summary>
    public static Task<string> StartAsync(this IRunService runs, string problemId, JsonElement? settings) =>
        runs.StartAsync(problemId, settings, RunOwners.Local);

    /// <summary>Every event of the run after <paramref name="afterSeq"/> (<see cref="IRunService.Watch"/> without a kind filter).</summary>
    public static IAsyncEnumerable<RunEvent> Watch(this IRunService runs, string runId, long afterSeq, CancellationToken cancellationToken) =>
        runs.Watch(runId, afterSeq, null, cancellationToken);

    /// <summary>One run with all its epoch events (<see cref="IRunService.Get"/> without a limit), or null.</summary>
    public static RunRecord? Get(this IRunService runs, string runId) => runs.Get(runId, int.MaxValue);

    /// <summary>Every run, newest first, optionally of one problem (<see cref="IRunService.List"/> without a limit).</summary>
    public static IReadOnlyList<RunSummary> List(this IRunService runs, string? problemId = null) =>
        runs.List(new RunQuery(problemId));
}

/// <summary>Run states (<see cref="RunStates"/> maps events to them).</summary>
public enum RunStatus
{
    /// <summary>Waiting for the device.</summary>
    Queued,
    /// <summary>Running.</summary>
    Running,
    /// <summary>Paused at a checkpoint.</summary>
    Paused,
    /// <summary>Ran to the end.</summary>
    Completed,
    /// <summary>Cancelled.</summary>
    Cancelled,
    /// <summary>Threw.</summary>
    Failed,
    /// <summary>The process died while it was live.</summary>
    Interrupted,
}

/// <summary>A run in a list.</summary>
public sealed record RunSummary(
    string RunId,
    string ProblemId,
    RunStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyDictionary<string, double> Results,
    IReadOnlyList<CheckResult> Checks,
    int? QueuePosition,
    string Owner = RunOwners.Local)
{
    /// <summary>The user's name, notes and tags for the run.</summary>
    public RunLabel Label { get; init; } = RunLabel.None;

    /// <summary>The run's settings (typed as in <see cref="RunRecord.Settings"/>), so a list can compare runs without reading their events.</summary>
    public IReadOnlyDictionary<string, object> Settings { get; init; } = new Dictionary<string, object>();

    /// <summary>The process that ran the run: a lab cluster's worker, or the host name of a single process; null for runs stored before it was kept.</summary>
    public string? Worker { get; init; }
}

/// <summary>A run with its epoch events; <paramref name="Worker"/> names the process that ran it (a cluster worker, or the host name of a single process; null for runs stored before it was kept).</summary>
public sealed record RunRecord(
    RunSummary Summary,
    IReadOnlyDictionary<string, object> Settings,
    string Device,
    IReadOnlyDictionary<string, string> Versions,
    IReadOnlyList<RunEvent> EpochEvents,
    string? Error,
    string? Worker = null)
{
    /// <summary>True when epoch events follow <see cref="EpochEvents"/> (it was read with a limit).</summary>
    public bool More { get; init; }
}

/// <summary>A page of a run's events (<see cref="IRunService.EventPage"/>).</summary>
/// <param name="Summary">The run now.</param>
/// <param name="Events">In seq order.</param>
/// <param name="More">True when stored events follow the page (ask again after the last seq).</param>
public sealed record RunEventPage(RunSummary Summary, IReadOnlyList<RunEvent> Events, bool More);

/// <summary>No problem has this id.</summary>
public sealed class UnknownProblemException(string problemId) : LocalizableException(RunTexts.UnknownProblem.Format(problemId))
{
    /// <summary>The id asked for.</summary>
    public string ProblemId { get; } = problemId;
}

/// <summary>No run has this id.</summary>
public sealed class UnknownRunException(string runId) : Exception($"Unknown run '{runId}'.")
{
    /// <summary>The id asked for.</summary>
    public string RunId { get; } = runId;
}
