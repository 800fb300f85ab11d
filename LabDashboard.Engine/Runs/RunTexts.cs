using LabDashboard.Engine.Problems.Texts;

namespace LabDashboard.Engine.Runs;

/// <summary>What the run service itself says about a run (queue, start, end, failure).</summary>
public static class RunTexts
{
    /// <summary>A start for a problem id the catalog does not have.</summary>
    public static readonly TextTemplate UnknownProblem = new("run.error.unknownProblem", "Unknown problem '{0}'.");
    /// <summary>First in line.</summary>
    public static readonly TextTemplate Starting = new("run.queued.starting", "Starting.");
    /// <summary>Waiting behind other runs.</summary>
    public static readonly TextTemplate Waiting = new("run.queued.waiting", "Waiting for the device: {0} ahead in the queue.");
    /// <summary>Handed from a busy worker of a lab cluster to one with a free device.</summary>
    public static readonly TextTemplate MovedTo = new("run.queued.movedTo", "Moved to worker {0}, which had a free device.");
    /// <summary>Started on a device.</summary>
    public static readonly TextTemplate Running = new("run.started", "Running on {0}.");
    /// <summary>Finished as completed.</summary>
    public static readonly TextTemplate Completed = new("run.finished.completed", "completed after {0} s");
    /// <summary>Finished as cancelled.</summary>
    public static readonly TextTemplate Cancelled = new("run.finished.cancelled", "cancelled after {0} s");
    /// <summary>Finished as failed.</summary>
    public static readonly TextTemplate Failed = new("run.finished.failed", "failed after {0} s");
    /// <summary>Finished as interrupted.</summary>
    public static readonly TextTemplate Interrupted = new("run.finished.interrupted", "interrupted after {0} s");
    /// <summary>A run left live by a process that died.</summary>
    public static readonly TextTemplate ProcessStopped = new("run.interrupted.processStopped", "The process stopped while the run was live.");
    /// <summary>A run still live when the service stopped.</summary>
    public static readonly TextTemplate ServiceStopped = new("run.interrupted.serviceStopped", "The service stopped while the run was live.");
    /// <summary>An error the engine did not word (a library's exception): its own message, untranslated.</summary>
    public static readonly TextTemplate UnexpectedError = new("run.error.unexpected", "{0}");
    /// <summary>The full exception, logged when a run fails.</summary>
    public static readonly TextTemplate ExceptionLog = new("run.log.exception", "{0}");

    /// <summary>The <c>finished</c> message of <paramref name="outcome"/>.</summary>
    public static TextTemplate FinishedAs(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Completed => Completed,
        RunOutcome.Cancelled => Cancelled,
        RunOutcome.Failed => Failed,
        _ => Interrupted,
    };

    /// <summary>A failed run's error: the engine's own wording when it has one.</summary>
    public static LocalizableText ErrorOf(Exception exception) =>
        exception is LocalizableException keyed ? keyed.Text : UnexpectedError.Format(exception.Message);
}
