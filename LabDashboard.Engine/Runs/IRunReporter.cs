namespace LabDashboard.Engine.Runs;

/// <summary>Where a <see cref="RunContext"/> sends what a run reports (implemented by the run service and by tests).</summary>
public interface IRunReporter
{
    /// <summary>Publishes an event; <c>Seq</c>, <c>RunId</c>, <c>ProblemId</c> and <c>ElapsedMs</c> are filled in by the reporter.</summary>
    void Publish(RunEvent partial);

    /// <summary>Stores image bytes so they can be served at <see cref="ImageRef.Url"/>.</summary>
    void StoreImage(string name, int epoch, string mime, byte[] bytes);

    /// <summary>Blocks while the run is paused; throws <see cref="OperationCanceledException"/> when cancelled.</summary>
    void Checkpoint();

    /// <summary>Cancelled when the run is cancelled.</summary>
    CancellationToken Cancellation { get; }
}
