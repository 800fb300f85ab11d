using System.Text.Json;
using LabDashboard.Engine.Runs;

namespace LabDashboard.Engine.Cluster;

/// <summary>
/// <see cref="IRunGrain"/> on a worker silo: the silo's own <see cref="RunService"/> runs it, so a
/// cluster run is the same engine code as a single-process one. While the run is live a keep-alive
/// timer holds the activation here, where the live run is (another activation would only see the
/// stored history). It is placed on the least loaded worker (<see cref="FreeDevicePlacement"/>).
/// </summary>
[FreeDevicePlacement]
internal sealed class RunGrain(RunService runs) : Grain, IRunGrain
{
    private static readonly TimeSpan LiveCheck = TimeSpan.FromSeconds(30);
    private IGrainTimer? _keepAlive;

    private string RunId => this.GetPrimaryKeyString();

    public async Task Start(string problemId, string? settingsJson, string owner)
    {
        if (runs.Exists(RunId)) return;
        var settings = settingsJson is null ? (JsonElement?)null : JsonSerializer.Deserialize<JsonElement>(settingsJson);
        runs.Start(RunId, problemId, settings, owner);
        _keepAlive = this.RegisterGrainTimer(ReleaseWhenFinished, new GrainTimerCreationOptions(LiveCheck, LiveCheck) { KeepAlive = true });
        // Web fronts read runs from the shared history: the row is there before Start returns.
        await Task.Run(runs.Flush);
    }

    public Task<bool> Cancel() => runs.CancelAsync(RunId);

    public Task<bool> Pause() => runs.PauseAsync(RunId);

    public Task<bool> Resume() => runs.ResumeAsync(RunId);

    public async Task<bool> Relabel(string name, string notes, string[] tags) =>
        await runs.RelabelAsync(RunId, new RunLabel(name, notes, tags)) is not null;

    public Task<bool> Delete() => runs.DeleteAsync(RunId);

    public IAsyncEnumerable<RunEvent> Watch(long afterSeq, string[]? kinds) => runs.Watch(RunId, afterSeq, kinds, CancellationToken.None);

    private Task ReleaseWhenFinished(CancellationToken cancellationToken)
    {
        if (!runs.IsLive(RunId)) _keepAlive?.Dispose();
        return Task.CompletedTask;
    }
}
