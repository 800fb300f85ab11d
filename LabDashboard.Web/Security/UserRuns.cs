using System.Text.Json;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Web.Security;

/// <summary>
/// The run service as one <see cref="RunCaller"/> may use it: runs of others behave exactly like runs
/// that do not exist (null, false, <see cref="UnknownRunException"/>, left out of lists), so their ids
/// leak nothing; new runs are the caller's. REST handlers take it as a parameter (bound from the
/// request's user), the hub asks <see cref="RunAccess.For"/>, components inject it.
/// </summary>
public sealed class UserRuns(IRunService runs, RunAccess access, RunCaller caller)
{
    /// <summary>Who this is.</summary>
    public RunCaller Caller => caller;

    /// <summary>The owner new runs and exams get.</summary>
    /// <exception cref="UnauthorizedAccessException">Nobody is signed in (classroom mode lets no such request through).</exception>
    public string Owner => caller.Owner ?? throw new UnauthorizedAccessException("Sign in to start runs.");

    /// <summary>The problems that can be run.</summary>
    public ProblemCatalog Catalog => runs.Catalog;

    /// <summary>Binds a REST handler's parameter to the request's user.</summary>
    public static ValueTask<UserRuns?> BindAsync(HttpContext context) =>
        ValueTask.FromResult<UserRuns?>(context.RequestServices.GetRequiredService<RunAccess>().For(context.User));

    /// <summary>True when the caller may see and control the run (always for <see cref="RunCaller.SeesAll"/>; a student's own runs only, never an unknown one).</summary>
    public bool Sees(string runId) => access.Allows(caller, runId);

    /// <inheritdoc cref="IRunService.StartAsync"/>
    public async Task<string> StartAsync(string problemId, JsonElement? settings)
    {
        var owner = Owner;
        var runId = await runs.StartAsync(problemId, settings, owner);
        access.Remember(runId, owner);
        return runId;
    }

    /// <summary>
    /// Starts a new run with the problem and settings of an interrupted, failed or cancelled run, owned by
    /// that run's owner (an instructor restarting a student's run restarts it for the student, under the
    /// student's quotas); returns the new run's id, or null when the caller sees no such run.
    /// </summary>
    /// <exception cref="RunNotRestartableException">The run is live or completed.</exception>
    /// <exception cref="QuotaExceededException">The owner has no room for another run.</exception>
    /// <exception cref="Engine.Settings.SettingsValidationException">The problem no longer accepts the run's settings.</exception>
    public async Task<string?> RestartAsync(string runId)
    {
        // The run's row only: its status, owner and settings, not its events.
        if (Summary(runId) is not { } run) return null;
        if (!run.Status.IsRestartable()) throw new RunNotRestartableException(runId, run.Status);
        var owner = run.Owner;
        var newRunId = await runs.StartAsync(run.ProblemId, JsonSerializer.SerializeToElement(run.Settings), owner);
        access.Remember(newRunId, owner);
        return newRunId;
    }

    /// <inheritdoc cref="IRunService.CancelAsync"/>
    public async Task<bool> CancelAsync(string runId) => Sees(runId) && await runs.CancelAsync(runId);

    /// <inheritdoc cref="IRunService.PauseAsync"/>
    public async Task<bool> PauseAsync(string runId) => Sees(runId) && await runs.PauseAsync(runId);

    /// <inheritdoc cref="IRunService.ResumeAsync"/>
    public async Task<bool> ResumeAsync(string runId) => Sees(runId) && await runs.ResumeAsync(runId);

    /// <inheritdoc cref="IRunService.Watch"/>
    public IAsyncEnumerable<RunEvent> Watch(string runId, long afterSeq, IReadOnlyCollection<string>? kinds, CancellationToken cancellationToken) =>
        Sees(runId) ? runs.Watch(runId, afterSeq, kinds, cancellationToken) : throw new UnknownRunException(runId);

    /// <inheritdoc cref="RunServiceExtensions.Watch"/>
    public IAsyncEnumerable<RunEvent> Watch(string runId, long afterSeq, CancellationToken cancellationToken) =>
        Watch(runId, afterSeq, null, cancellationToken);

    /// <summary>Status changes of the runs the caller sees (<see cref="IRunService.WatchStatuses"/>).</summary>
    public async IAsyncEnumerable<RunEvent> WatchStatuses([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var status in runs.WatchStatuses(cancellationToken))
            if (Sees(status.RunId)) yield return status;
    }

    /// <inheritdoc cref="IRunService.Exists"/>
    public bool Exists(string runId) => Sees(runId) && runs.Exists(runId);

    /// <summary>The caller's runs (everyone's for an instructor) as <paramref name="query"/> asks.</summary>
    public IReadOnlyList<RunSummary> List(RunQuery query) =>
        runs.List(caller.SeesAll ? query : query with { Owner = caller.Owner ?? "" });

    /// <summary>Every run the caller sees, newest first, optionally of one problem.</summary>
    public IReadOnlyList<RunSummary> List(string? problemId = null) => List(new RunQuery(problemId));

    /// <inheritdoc cref="IRunService.Get"/>
    public RunRecord? Get(string runId, int epochLimit) => Sees(runId) ? runs.Get(runId, epochLimit) : null;

    /// <inheritdoc cref="RunServiceExtensions.Get"/>
    public RunRecord? Get(string runId) => Get(runId, int.MaxValue);

    /// <inheritdoc cref="IRunService.Summary"/>
    public RunSummary? Summary(string runId) => Sees(runId) ? runs.Summary(runId) : null;

    /// <inheritdoc cref="IRunService.RelabelAsync"/>
    public async Task<RunSummary?> RelabelAsync(string runId, RunLabel label) => Sees(runId) ? await runs.RelabelAsync(runId, label) : null;

    /// <inheritdoc cref="IRunService.EventPage"/>
    public RunEventPage? EventPage(string runId, long afterSeq, int limit) => Sees(runId) ? runs.EventPage(runId, afterSeq, limit) : null;

    /// <inheritdoc cref="IRunService.DeleteAsync"/>
    public async Task<bool> DeleteAsync(string runId)
    {
        if (!Sees(runId) || !await runs.DeleteAsync(runId)) return false;
        access.Forget(runId);
        return true;
    }

    /// <inheritdoc cref="IRunService.GetImage"/>
    public (byte[] Bytes, string Mime)? GetImage(string runId, string name, int epoch) =>
        Sees(runId) ? runs.GetImage(runId, name, epoch) : null;
}

/// <summary>Only an interrupted, failed or cancelled run can be restarted (<see cref="UserRuns.Restart"/>).</summary>
public sealed class RunNotRestartableException(string runId, RunStatus status)
    : InvalidOperationException($"Run '{runId}' is {status.ToString().ToLowerInvariant()}: only an interrupted, failed or cancelled run can be restarted.")
{
    /// <summary>The run's status.</summary>
    public RunStatus Status { get; } = status;
}
