using System.Text.Json;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// <see cref="IRunGrain"/> on a worker silo: the silo's own <see cref="RunService"/> runs it, so a
/// cluster run is the same engine code as a single-process one. While the run is live a keep-alive
/// timer holds the activation here, where the live run is (another activation would only see the
/// stored history). It is placed on the least loaded worker (<see cref="FreeDevicePlacement"/>), or,
/// once its row exists, on the worker the row names; a run waiting in a busy worker's queue can be
/// handed to a free one (<see cref="QueuedRunPickup"/>), which takes it up when it activates the grain.
/// </summary>
[FreeDevicePlacement]
internal sealed class RunGrain(RunService runs, PostgresRunHandovers handovers) : Grain, IRunGrain
{
    private static readonly TimeSpan LiveCheck = TimeSpan.FromSeconds(30);
    private IGrainTimer? _keepAlive;

    private string RunId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // A run handed to this worker is taken up by whichever call activates it here first.
        if (await Task.Run(() => runs.TryTakeOver(RunId), cancellationToken)) KeepAliveWhileLive();
    }

    public async Task Start(string problemId, string? settingsJson, string owner)
    {
        if (runs.Exists(RunId)) return;
        var settings = settingsJson is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(settingsJson);
        runs.Start(RunId, problemId, settings, owner);
        KeepAliveWhileLive();
        // Web fronts read runs from the shared history: the row is there before Start returns.
        await Task.Run(runs.Flush);
    }

    public async Task<bool> HandOver(string worker, string deviceKind)
    {
        if (runs.Worker is not { } here || !await Task.Run(() => runs.TryHandOver(RunId))) return false;
        var handedOver = false;
        try
        {
            handedOver = await handovers.HandOver(RunId, here, worker, deviceKind);
        }
        finally
        {
            // The row still names this worker (it changed meanwhile, or the database failed): the run stays here.
            if (!handedOver) await Task.Run(() => runs.TryTakeOver(RunId));
        }
        if (!handedOver) return false;
        _keepAlive?.Dispose();
        // Migrating asks the placement director again, which follows the row to the new worker, and tells
        // callers where the run went; a mere deactivation would let a caller's cached address activate it
        // here again, where it is no longer live.
        this.MigrateOnIdle();
        return true;
    }

    public Task<bool> TakeOver() => Task.FromResult(runs.IsLive(RunId));

    public Task<bool> Cancel() => runs.CancelAsync(RunId);

    public Task<bool> Pause() => runs.PauseAsync(RunId);

    public Task<bool> Resume() => runs.ResumeAsync(RunId);

    public async Task<bool> Relabel(string name, string notes, string[] tags) =>
        await runs.RelabelAsync(RunId, new RunLabel(name, notes, tags)) is not null;

    public Task<bool> Delete() => runs.DeleteAsync(RunId);

    public IAsyncEnumerable<RunEvent> Watch(long afterSeq, string[]? kinds) => runs.Watch(RunId, afterSeq, kinds, CancellationToken.None);

    private void KeepAliveWhileLive() =>
        _keepAlive ??= this.RegisterGrainTimer(ReleaseWhenFinished, new GrainTimerCreationOptions(LiveCheck, LiveCheck) { KeepAlive = true });

    private Task ReleaseWhenFinished(CancellationToken cancellationToken)
    {
        if (!runs.IsLive(RunId)) _keepAlive?.Dispose();
        return Task.CompletedTask;
    }
}
