using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// A run of a lab cluster, keyed by its run id. It lives on a worker silo, whose engine
/// (<see cref="RunService"/>) executes the run and writes its events to the shared history; a web
/// front reaches it through <see cref="ClusterRunService"/>.
/// </summary>
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the run on this silo's engine for <paramref name="owner"/> (settings as JSON, null for
    /// the defaults); returns once its row is in the shared history. A run that exists is not started again.
    /// </summary>
    Task Start(string problemId, string? settingsJson, string owner);

    /// <summary>
    /// Hands the run, while it waits in this worker's queue, to the free worker <paramref name="worker"/>
    /// (training on <paramref name="deviceKind"/>): the shared history names that worker, and the activation
    /// migrates there (placement follows the row), where it takes the run up. False when the run is not waiting here.
    /// </summary>
    Task<bool> HandOver(string worker, string deviceKind);

    /// <summary>True when the run is live on the worker it is activated on (an activation takes up a run handed to its worker).</summary>
    Task<bool> TakeOver();

    /// <summary><see cref="IRunService.CancelAsync"/> on the worker.</summary>
    Task<bool> Cancel();

    /// <summary><see cref="IRunService.PauseAsync"/> on the worker.</summary>
    Task<bool> Pause();

    /// <summary><see cref="IRunService.ResumeAsync"/> on the worker.</summary>
    Task<bool> Resume();

    /// <summary><see cref="IRunService.RelabelAsync"/> on the worker (the label's parts, already validated); false when there is no such run.</summary>
    Task<bool> Relabel(string name, string notes, string[] tags);

    /// <summary><see cref="IRunService.DeleteAsync"/> on the worker.</summary>
    Task<bool> Delete();

    /// <summary><see cref="IRunService.Watch"/> on the worker: history after <paramref name="afterSeq"/>, then live, ending after <c>finished</c>.</summary>
    IAsyncEnumerable<RunEvent> Watch(long afterSeq, string[]? kinds);
}
