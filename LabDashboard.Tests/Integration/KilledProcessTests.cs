using System.Text.Json;
using LabDashboard.Engine.Runs;
using Microsoft.AspNetCore.SignalR.Client;

namespace LabDashboard.Tests.Integration;

/// <summary>The dashboard as its own process, killed with SIGKILL mid-run, then started again on the same state.</summary>
public class KilledProcessTests
{
    [Fact]
    public async Task A_run_live_when_the_process_was_killed_shows_as_interrupted_and_finished_runs_survive()
    {
        var stateRoot = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "labdashboard-tests", "killed-" + Guid.NewGuid().ToString("N"))).FullName;
        string finished, live;
        try
        {
            using (var child = await DashboardProcess.StartAsync(stateRoot))
            {
                await using var hub = await child.ConnectHubAsync();
                finished = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 100}"""));
                await hub.WatchToEndAsync(finished);
                live = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 100000, "reportEvery": 100}"""));
                await hub.WatchUntilAsync(live, 0, e => e.Kind == RunEventKinds.Epoch);
                child.Kill();
            }

            await using var second = await LabServer.StartAsync(stateRoot);
            Assert.Equal(RunStatus.Completed, second.Runs.Get(finished)?.Summary.Status);
            Assert.Equal(10, second.Runs.Get(finished)!.EpochEvents.Count);
            Assert.Equal(RunStatus.Interrupted, second.Runs.Get(live)?.Summary.Status);
        }
        finally
        {
            Directory.Delete(stateRoot, recursive: true);
        }
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
