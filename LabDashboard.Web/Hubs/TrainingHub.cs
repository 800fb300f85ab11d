using System.Text.Json;
using LabDashboard.Engine.Runs;
using LabDashboard.Engine.Settings;
using LabDashboard.Web.Security;
using Microsoft.AspNetCore.SignalR;

namespace LabDashboard.Web.Hubs;

/// <summary>
/// Starts and steers runs and streams their events. Hubs are transient: this one holds no
/// subscriptions; each <see cref="Watch"/> stream ends with its caller's cancellation. Every method
/// acts as the connection's user (<see cref="UserRuns"/>): another user's run is an unknown run.
/// </summary>
public sealed class TrainingHub(RunAccess access) : Hub
{
    private UserRuns Runs => access.For(Context.User);

    public const string Path = "/hubs/training";

    /// <summary>Queues a run; bad settings and a reached quota come back as a <see cref="HubException"/> naming them.</summary>
    public async Task<string> StartRun(string? problemId, JsonElement? settings)
    {
        try
        {
            return await Runs.StartAsync(Required(problemId, nameof(problemId)), settings);
        }
        catch (Exception e) when (e is SettingsValidationException or UnknownProblemException or QuotaExceededException)
        {
            throw new HubException(e.Message);
        }
    }

    public Task<bool> CancelRun(string? runId) => Runs.CancelAsync(Required(runId, nameof(runId)));

    public Task<bool> PauseRun(string? runId) => Runs.PauseAsync(Required(runId, nameof(runId)));

    public Task<bool> ResumeRun(string? runId) => Runs.ResumeAsync(Required(runId, nameof(runId)));

    /// <summary>
    /// The run's events after <paramref name="afterSeq"/>: history, then live, ending after
    /// <c>finished</c>. An unknown run is refused at once, from the run's row alone (no events read).
    /// </summary>
    public IAsyncEnumerable<RunEvent> Watch(string? runId, long afterSeq, CancellationToken cancellationToken)
    {
        var id = Required(runId, nameof(runId));
        try
        {
            return Runs.Watch(id, afterSeq, cancellationToken);
        }
        catch (UnknownRunException e)
        {
            throw new HubException(e.Message);
        }
    }

    private static string Required(string? value, string name) =>
        string.IsNullOrWhiteSpace(value) ? throw new HubException($"{name} is required.") : value;
}
