using System.Runtime.CompilerServices;
using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using Microsoft.AspNetCore.SignalR;

namespace LabDashboard.Web.Hubs;

/// <summary>
/// Starts and steers runs and streams their events. Hubs are transient: this one holds no
/// subscriptions; each <see cref="Watch"/> stream ends with its caller's cancellation.
/// </summary>
public sealed class TrainingHub(IRunService runs) : Hub
{
    public const string Path = "/hubs/training";

    /// <summary>Queues a run; bad settings come back as a <see cref="HubException"/> naming them.</summary>
    public string StartRun(string? problemId, JsonElement? settings)
    {
        try
        {
            return runs.Start(Required(problemId, nameof(problemId)), settings);
        }
        catch (Exception e) when (e is SettingsValidationException or UnknownProblemException)
        {
            throw new HubException(e.Message);
        }
    }

    public bool CancelRun(string? runId) => runs.Cancel(Required(runId, nameof(runId)));

    public bool PauseRun(string? runId) => runs.Pause(Required(runId, nameof(runId)));

    public bool ResumeRun(string? runId) => runs.Resume(Required(runId, nameof(runId)));

    /// <summary>The run's events after <paramref name="afterSeq"/>: history, then live, ending after <c>finished</c>.</summary>
    public IAsyncEnumerable<RunEvent> Watch(string? runId, long afterSeq, CancellationToken cancellationToken)
    {
        var id = Required(runId, nameof(runId));
        if (runs.Get(id) is null) throw new HubException($"Unknown run '{id}'.");
        return Stream(id, afterSeq, cancellationToken);
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new HubException($"{name} is required.") : value;

    private async IAsyncEnumerable<RunEvent> Stream(string runId, long afterSeq, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var e in runs.Watch(runId, afterSeq, cancellationToken))
            yield return e;
    }
}
