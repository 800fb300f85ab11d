namespace LabDashboard.Engine.Runs;

/// <summary>
/// The one mapping from events to run states: which event kinds change a run's status, and the
/// status each outcome ends in. The live run, the store and the pages all fold events through it.
/// </summary>
public static class RunStates
{
    /// <summary>The kinds that change a run's status (what the status feed carries).</summary>
    public static IReadOnlySet<string> StatusKinds { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        RunEventKinds.Queued, RunEventKinds.Started, RunEventKinds.Paused, RunEventKinds.Resumed, RunEventKinds.Finished,
    };

    /// <summary>The status a run is in after <paramref name="e"/>, or null when the event does not change it.</summary>
    public static RunStatus? After(RunEvent e) => e.Kind switch
    {
        RunEventKinds.Queued => RunStatus.Queued,
        RunEventKinds.Started or RunEventKinds.Resumed => RunStatus.Running,
        RunEventKinds.Paused => RunStatus.Paused,
        RunEventKinds.Finished => (e.Outcome ?? RunOutcome.Failed).Status(),
        _ => null,
    };

    /// <summary>The final status of a run that ended with <paramref name="outcome"/>.</summary>
    public static RunStatus Status(this RunOutcome outcome) => outcome switch
    {
        RunOutcome.Completed => RunStatus.Completed,
        RunOutcome.Cancelled => RunStatus.Cancelled,
        RunOutcome.Interrupted => RunStatus.Interrupted,
        _ => RunStatus.Failed,
    };

    /// <summary>The outcome's wire name (<c>completed</c>, …), as serialised.</summary>
    public static string Name(this RunOutcome outcome) => outcome.ToString().ToLowerInvariant();

    /// <summary>The status's wire and database name (<c>queued</c>, <c>running</c>, …).</summary>
    public static string Name(this RunStatus status) => status.ToString().ToLowerInvariant();

    /// <summary>Parses <see cref="Name(RunStatus)"/>.</summary>
    public static RunStatus ParseStatus(string name) => Enum.Parse<RunStatus>(name, ignoreCase: true);

    /// <summary>True while queued, running or paused.</summary>
    public static bool IsLive(this RunStatus status) => status is RunStatus.Queued or RunStatus.Running or RunStatus.Paused;

    /// <summary>True when the run ended before its end (interrupted, failed or cancelled): it may be restarted as a new run with its settings.</summary>
    public static bool IsRestartable(this RunStatus status) => status is RunStatus.Interrupted or RunStatus.Failed or RunStatus.Cancelled;

    /// <summary>True once the run has ended (any outcome).</summary>
    public static bool IsFinished(this RunStatus status) => !status.IsLive();
}
