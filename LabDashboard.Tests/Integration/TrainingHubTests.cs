using System.Text.Json;
using LabDashboard.Engine.Runs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace LabDashboard.Tests.Integration;

[Collection(LabServerCollection.Name)]
public class TrainingHubTests(LabServerFixture fixture)
{
    private LabServer Server => fixture.Server;

    [Fact]
    public async Task ExpMle_streams_queued_started_every_epoch_in_order_then_finished()
    {
        await using var hub = await Server.ConnectHubAsync();

        var runId = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("{}"));
        var events = await hub.WatchToEndAsync(runId);

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(RunEventKinds.Queued, events[0].Kind);
        Assert.Equal(RunEventKinds.Started, events.First(e => e.Kind != RunEventKinds.Queued).Kind);
        var epochs = events.Where(e => e.Kind == RunEventKinds.Epoch).Select(e => e.Epoch!.Value).ToList();
        Assert.Equal(Enumerable.Range(1, 100), epochs);
        var finished = events[^1];
        Assert.Equal(RunEventKinds.Finished, finished.Kind);
        Assert.Equal(RunOutcome.Completed, finished.Outcome);
        Assert.All(finished.Checks!, c => Assert.True(c.Passed, c.Detail));
        Assert.Equal(2.0299, finished.Results!["sampleMean"], 3);
    }

    [Fact]
    public async Task FreeFall_streams_its_data_payloads_and_passes_its_checks()
    {
        await using var hub = await Server.ConnectHubAsync();

        var runId = await hub.InvokeAsync<string>("StartRun", "free-fall", Json("{}"));
        var events = await hub.WatchToEndAsync(runId);

        var points = events.Single(e => e.Kind == RunEventKinds.Data && e.Name == "points");
        Assert.Equal(100, ((JsonElement)points.Data!).GetProperty("h").GetArrayLength());
        Assert.Contains(events, e => e.Kind == RunEventKinds.Data && e.Name == "fit");
        var finished = events[^1];
        Assert.Equal(3, finished.Checks!.Count);
        Assert.All(finished.Checks, c => Assert.True(c.Passed, c.Detail));
    }

    [Fact]
    public async Task Watchers_joining_mid_run_or_resuming_after_a_seq_get_exactly_the_missing_events()
    {
        await using var hub = await Server.ConnectHubAsync();
        var runId = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 600, "reportEvery": 6}"""));

        var early = await hub.WatchUntilAsync(runId, 0, e => e.Kind == RunEventKinds.Epoch);
        Assert.True(await hub.InvokeAsync<bool>("PauseRun", runId), "the run should still be running after its first point");
        var midRun = hub.WatchToEndAsync(runId);
        var resumed = hub.WatchToEndAsync(runId, afterSeq: early[^1].Seq);
        Assert.True(await hub.InvokeAsync<bool>("ResumeRun", runId));

        var all = await midRun;
        var rest = await resumed;
        Assert.Equal(Enumerable.Range(1, all.Count).Select(i => (long)i), all.Select(e => e.Seq));
        Assert.Equal(all.Select(e => e.Seq), early.Concat(rest).Select(e => e.Seq));
        Assert.Contains(all, e => e.Kind == RunEventKinds.Paused);
        Assert.Contains(all, e => e.Kind == RunEventKinds.Resumed);
        Assert.Equal(100, all.Count(e => e.Kind == RunEventKinds.Epoch));
    }

    [Fact]
    public async Task A_second_run_queues_behind_the_first()
    {
        var order = new List<RunEvent>();
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var statuses = Task.Run(async () =>
        {
            await foreach (var e in Server.Runs.WatchStatuses(stop.Token))
                lock (order) order.Add(e);
        });
        await using var hub = await Server.ConnectHubAsync();

        var first = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 3000, "reportEvery": 100}"""));
        var second = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 100}"""));
        var secondEvents = await hub.WatchToEndAsync(second);
        await hub.WatchToEndAsync(first);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => statuses);

        Assert.True(secondEvents[0].QueuePosition >= 1, $"queue position was {secondEvents[0].QueuePosition}");
        lock (order)
        {
            var firstFinished = order.FindIndex(e => e.RunId == first && e.Kind == RunEventKinds.Finished);
            var secondStarted = order.FindIndex(e => e.RunId == second && e.Kind == RunEventKinds.Started);
            Assert.True(firstFinished >= 0 && firstFinished < secondStarted, "the second run started before the first finished");
        }
    }

    [Fact]
    public async Task Cancelling_a_run_finishes_it_as_cancelled()
    {
        await using var hub = await Server.ConnectHubAsync();
        var runId = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 100000, "reportEvery": 100}"""));
        await hub.WatchUntilAsync(runId, 0, e => e.Kind == RunEventKinds.Epoch);

        Assert.True(await hub.InvokeAsync<bool>("CancelRun", runId));
        var events = await hub.WatchToEndAsync(runId);

        Assert.Equal(RunOutcome.Cancelled, events[^1].Outcome);
    }

    [Fact]
    public async Task Bad_settings_are_refused_naming_each_one()
    {
        await using var hub = await Server.ConnectHubAsync();

        var error = await Assert.ThrowsAsync<HubException>(() =>
            hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"n": 5, "optimizer": "lbfgs", "bogus": 1}""")));

        Assert.Contains("'n'", error.Message);
        Assert.Contains("'optimizer'", error.Message);
        Assert.Contains("'bogus'", error.Message);
    }

    [Fact]
    public async Task Unknown_problems_and_runs_are_refused()
    {
        await using var hub = await Server.ConnectHubAsync();

        var problem = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<string>("StartRun", "no-such-problem", Json("{}")));
        var run = await Assert.ThrowsAsync<HubException>(() => hub.WatchToEndAsync("no-such-run"));

        Assert.Contains("no-such-problem", problem.Message);
        Assert.Contains("no-such-run", run.Message);
    }

    [Fact]
    public async Task Watching_a_stored_run_from_its_last_seq_reads_none_of_its_events()
    {
        await using var hub = await Server.ConnectHubAsync();
        var runId = await hub.InvokeAsync<string>("StartRun", "exp-mle", Json("""{"steps": 100}"""));
        var all = await hub.WatchToEndAsync(runId);
        Engine.Runs.RunServiceWatchTests.CorruptEvents(Server.StateRoot, runId);

        var rest = await hub.WatchToEndAsync(runId, afterSeq: all[^1].Seq);

        Assert.Empty(rest);
        Assert.ThrowsAny<JsonException>(() => Server.Runs.Get(runId));
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
