using System.Text.Json;
using LabDashboard.Engine.Runs;
using Microsoft.AspNetCore.SignalR.Client;

namespace LabDashboard.Tests.Integration;

public class RestartTests
{
    [Fact]
    public async Task A_restart_keeps_finished_runs_and_marks_a_live_one_interrupted()
    {
        string finished, live, stateRoot;
        await using (var first = await LabServer.StartAsync(stateRoot: NewStateRoot()))
        {
            stateRoot = first.StateRoot;
            await using var hub = await first.ConnectHubAsync();
            finished = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 100}"""));
            await hub.WatchToEndAsync(finished);
            live = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 100000, "reportEvery": 100}"""));
            await hub.WatchUntilAsync(live, 0, e => e.Kind == RunEventKinds.Epoch);
        }

        try
        {
            await using var second = await LabServer.StartAsync(stateRoot);
            var kept = second.Runs.Get(finished);
            Assert.NotNull(kept);
            Assert.Equal(RunStatus.Completed, kept!.Summary.Status);
            Assert.Equal(10, kept.EpochEvents.Count);
            Assert.Equal(RunStatus.Interrupted, second.Runs.Get(live)?.Summary.Status);
        }
        finally
        {
            Directory.Delete(stateRoot, recursive: true);
        }
    }

    private static string NewStateRoot() =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "labdashboard-tests", "state-" + Guid.NewGuid().ToString("N"))).FullName;

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
