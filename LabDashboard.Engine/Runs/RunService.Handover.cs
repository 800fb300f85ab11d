using System.Text.Json;
using LabDashboard.Engine.Problems;
using LabDashboard.Engine.Runs.Storage;
using LabDashboard.Engine.Settings;

namespace LabDashboard.Engine.Runs;

/// <summary>
/// How a lab cluster moves a run that waits in one worker's queue to a worker whose device is free:
/// the busy worker lets it go (<see cref="TryHandOver"/>), the shared history names the new worker,
/// and that worker takes it up under the same id, history and owner (<see cref="TryTakeOver"/>).
/// </summary>
public sealed partial class RunService
{
    /// <summary>The worker this service's runs are stored under (null outside a lab cluster).</summary>
    internal string? Worker => _store.Worker;

    /// <summary>The kind of device this service trains on.</summary>
    internal string DeviceKind => _device.Kind;

    /// <summary>True when no run has the device and none waits for it.</summary>
    internal bool HasFreeDevice => _queue.IsFree;

    /// <summary>
    /// Lets go of a run that waits in the queue (not one that has had the device): its events so far
    /// are stored, its watchers' streams end, and it is no longer live here. False when it is not waiting here.
    /// </summary>
    internal bool TryHandOver(string runId)
    {
        if (!_live.TryGet(runId, out var run) || !run.Trains || run.Thread is not null || !_queue.Remove(run)) return false;
        _pump.Flush();
        run.HandedOver();
        _live.Forget(run);
        _lists.Invalidate();
        return true;
    }

    /// <summary>True when this service could take the stored run up: it knows the problem and accepts the settings.</summary>
    internal bool CanTakeOver(string problemId, string settingsJson, string owner) => Rebind(problemId, settingsJson, owner) is not null;

    /// <summary>
    /// Takes up a run that the shared history hands to this worker (its row names this worker and it is
    /// still queued) and that is not live here: it joins the queue with its stored history, label and
    /// creation time, as if it had been submitted here. True when it is live here now.
    /// </summary>
    internal bool TryTakeOver(string runId)
    {
        if (_live.Contains(runId)) return true;
        if (Worker is null || _store.Find(runId) is not { Status: RunStatus.Queued } stored || stored.Worker != Worker
            || Rebind(stored.ProblemId, stored.SettingsJson, stored.Owner) is not { } bound) return false;
        var run = new LiveRun(runId, bound.Problem, bound.Settings, stored.Owner, stored.CreatedAt, _options, _images, _pump, _metrics) { Worker = Worker };
        run.Restore(_store.Events(runId, 0), stored.Label);
        if (!_live.TryAdd(run)) return true;
        _lists.Invalidate();
        run.TakenOver(Worker);
        if (_queue.Enqueue(run)) Launch(run);
        return true;
    }

    /// <summary>The problem and settings of a stored run, checked as at submission; null when this service cannot run it.</summary>
    private (IProblem Problem, RunSettings Settings)? Rebind(string problemId, string settingsJson, string owner)
    {
        if (Catalog.Find(problemId) is not { Descriptor.Trains: true } problem) return null;
        try
        {
            var values = JsonSerializer.Deserialize<JsonElement>(settingsJson);
            return (problem, SettingsBinder.Bind(problem.Descriptor.Settings, values, new SettingCheckContext(_paths, owner)));
        }
        catch (Exception e) when (e is SettingsValidationException or JsonException)
        {
            return null;
        }
    }
}
